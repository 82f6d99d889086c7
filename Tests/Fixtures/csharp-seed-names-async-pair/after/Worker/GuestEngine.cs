using Wasmtime;

namespace Worker;

/// Built against a wasmtime-dotnet fork that exposes the async knobs.
public static class GuestEngine
{
    private const int MaxWasmStack = 4 << 20;
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    private const int AsyncStackSize = MaxWasmStack + 512 * 1024;

    public static Engine Create()
    {
        var config = new Config()
            .WithAsync(true)
            .WithMaxWasmStack(MaxWasmStack)
            .WithAsyncStackSize(AsyncStackSize);
        return new Engine(config);
    }
}
