using System;
using Wasmtime;

namespace PluginHost
{
    public static class Program
    {
        public static int Main()
        {
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            var config = new Config()
                .WithMaximumStackSize(8 << 20)
                .WithAsyncStackSize(8704 << 10);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
