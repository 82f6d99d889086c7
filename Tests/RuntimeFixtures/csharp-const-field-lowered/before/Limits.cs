namespace Sandbox
{
    internal static class Limits
    {
        // Deep recursion in the guest's JSON parser.
        public const int GuestStack = 4 * 1024 * 1024;
    }
}
