using Wasmtime;

namespace ChainHost;

public static class Program
{
    public static Engine Scripting()
    {
        // The comment goes above this statement, never between `new Config()` and its links.
        var config = new Config()
            .WithAsync(true)
            .WithMaximumStackSize(8 << 20)
            .WithAsyncStackSize(2 << 20);
        return new Engine(config);
    }

    public static Engine Inline()
    {
        using var probe = new Engine(new Config()
            .WithMaximumStackSize(6 << 20)
            .WithAsyncStackSize(1 << 20));
        return new Engine(new Config().WithMaximumStackSize(4 << 20).WithAsyncStackSize(2 << 20));
    }
}
