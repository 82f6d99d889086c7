using System;
using Wasmtime;

namespace PluginHost;

public static class Program
{
    public static int Main(string[] args)
    {
        var config = new Config()
            .WithReferenceTypes(true)
            .WithMaximumStackSize(8 * 1024 * 1024);

        using var engine = new Engine(config);
        using var module = Module.FromFile(engine, args.Length > 0 ? args[0] : "plugin.wasm");
        using var linker = new Linker(engine);
        using var store = new Store(engine);
        var instance = linker.Instantiate(store, module);
        var run = instance.GetAction("run");
        run?.Invoke();
        return 0;
    }
}
