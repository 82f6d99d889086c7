namespace Runner
{
    /// <summary>Resource limits for guest modules.</summary>
    public static class Limits
    {
        public const int GuestStack = 3 << 20;
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        public const ulong FiberStack = 3584 << 10;
    }
}
