using Wasmtime;

namespace Renderer;

public static class Program
{
    public static int Main()
    {
        var config = new Config()
            .WithMaximumStackSize(Limits.TemplateStack)
            .WithAsyncStackSize(2 << 20);
        using var engine = new Engine(config);
        return 0;
    }
}
