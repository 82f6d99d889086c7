namespace Runner
{
    /// <summary>Resource limits for guest modules.</summary>
    public static class Limits
    {
        public const int GuestStack = 3 << 20;
        public const ulong FiberStack = 2 << 20;
    }
}
