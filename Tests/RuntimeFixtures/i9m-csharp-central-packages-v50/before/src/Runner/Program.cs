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
            var plugins = new Config().WithMaximumStackSize(pluginStack);
            using (var guestEngine = new Engine(guests))
            using (var pluginEngine = new Engine(plugins))
            {
                Console.WriteLine("engines created; plugin stack " + pluginStack);
            }
            return 0;
        }
    }
}
