using Wasmtime;

namespace Worker;

/// Built against a wasmtime-dotnet fork that exposes the async knobs.
public static class GuestEngines
{
    public static Engine Small()
    {
        const int MaxWasmStack = 1 << 20;
        var config = new Config()
            .WithAsync(true)
            .WithMaxWasmStack(MaxWasmStack)
            .WithAsyncStackSize(2 << 20);
        return new Engine(config);
    }

    public static Engine Big()
    {
        const int MaxWasmStack = 8 << 20;
        const int AsyncStack = MaxWasmStack + 512 * 1024;
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        var config = new Config()
            .WithAsync(true)
            .WithMaxWasmStack(MaxWasmStack)
            .WithAsyncStackSize(AsyncStack);
        return new Engine(config);
    }
}
