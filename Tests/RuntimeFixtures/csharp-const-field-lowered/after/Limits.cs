namespace Sandbox
{
    internal static class Limits
    {
        // Deep recursion in the guest's JSON parser.
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        public const int GuestStack = 1536 * 1024;
    }
}
