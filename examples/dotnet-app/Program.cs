using System;
using Wasmtime;

namespace DotnetApp;

public static class Program
{
    private const int GuestStack = 4 * 1024 * 1024;

    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : "plugin.wasm";
        using var engine = new Engine(new Config().WithMaximumStackSize(GuestStack));
        using var module = Module.FromFile(engine, path);
        using var linker = new Linker(engine);
        using var store = new Store(engine);
        var instance = linker.Instantiate(store, module);
        instance.GetAction("run")?.Invoke();
        Console.WriteLine($"ran {path}");
        return 0;
    }
}
