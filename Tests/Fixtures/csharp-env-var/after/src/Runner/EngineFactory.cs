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
        config.WithMaximumStackSize(stack);
        return new Engine(config);
    }
}
