using System;
using Wasmtime;

namespace Runner;

internal static class EngineFactory
{
    public static Engine Create()
    {
        // Operators raise the stack for large guests without a rebuild.
        var stack = int.Parse(Environment.GetEnvironmentVariable("WASM_STACK") ?? "1048576");
        var config = new Config();
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        config.WithMaximumStackSize(stack);
        if (stack > 2 * 1024 * 1024) throw new System.InvalidOperationException("max_wasm_stack must be less than or equal to async_stack_size");
        return new Engine(config);
    }
}
