namespace Host;

public static class Limits
{
    public const int KiB = 1024;
    public const int MiB = 1024 * KiB;
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    /// <summary>Deepest stack a guest may use.</summary>
    public const int MaxStack = 1536 * 1024;
}
