using Wasmtime;

namespace Renderer;

public static class Program
{
    public static int Main()
    {
        var config = new Config()
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            .WithMaximumStackSize(Limits.TemplateStack)
            .WithAsyncStackSize(Limits.TemplateAsyncStack);
        using var engine = new Engine(config);
        return 0;
    }
}
