using System;
using Wasmtime;

namespace GuestHost
{
    public static class Limits
    {
        // The interpreter compiled to wasm recurses once per nested expression.
        public const int ScriptStack = 6 << 20;
    }

    public static class Program
    {
        // Operators size the plugin stack per deployment.
        private static int PluginStack()
        {
            string text = Environment.GetEnvironmentVariable("PLUGIN_STACK");
            return text == null ? 1024 * 1024 : int.Parse(text);
        }

        public static int Main()
        {
            var scripts = new Config().WithMaximumStackSize(Limits.ScriptStack);
            int pluginStack = PluginStack();
            var plugins = new Config().WithMaximumStackSize(pluginStack);
            using (var scriptEngine = new Engine(scripts))
            using (var pluginEngine = new Engine(plugins))
            {
                Console.WriteLine("engines created; plugin stack " + pluginStack);
            }
            return 0;
        }
    }
}
