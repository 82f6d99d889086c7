using System;
using Wasmtime;

namespace Runner
{
    public static class Program
    {
        private static int PluginStack()
        {
            string text = Environment.GetEnvironmentVariable("PLUGIN_STACK");
            return text == null ? 1024 * 1024 : int.Parse(text);
        }

        public static int Main()
        {
            var guests = new Config()
                .WithMaximumStackSize(Limits.GuestStack)
                .WithAsyncStackSize(Limits.FiberStack);
            int pluginStack = PluginStack();
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            var plugins = new Config().WithMaximumStackSize(pluginStack);
            if (pluginStack > 2 * 1024 * 1024) throw new System.InvalidOperationException("max_wasm_stack must be less than or equal to async_stack_size");
            using (var guestEngine = new Engine(guests))
            using (var pluginEngine = new Engine(plugins))
            {
                Console.WriteLine("engines created; plugin stack " + pluginStack);
            }
            return 0;
        }
    }
}
