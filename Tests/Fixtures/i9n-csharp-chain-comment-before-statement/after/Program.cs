using Wasmtime;

namespace ChainHost;

public static class Program
{
    public static Engine Scripting()
    {
        // The comment goes above this statement, never between `new Config()` and its links.
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        var config = new Config()
            .WithAsync(true)
            .WithMaximumStackSize(8 << 20)
            .WithAsyncStackSize(8704 << 10);
        return new Engine(config);
    }

    public static Engine Inline()
    {
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        using var probe = new Engine(new Config()
            .WithMaximumStackSize(6 << 20)
            .WithAsyncStackSize(6656 << 10));
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        return new Engine(new Config().WithMaximumStackSize(4 << 20).WithAsyncStackSize(4608 << 10));
    }
}
