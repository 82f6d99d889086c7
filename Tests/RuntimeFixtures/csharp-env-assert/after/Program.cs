using System;
using Wasmtime;

namespace EnvHost
{
    public static class Program
    {
        public static int Main()
        {
            int maxStack = int.Parse(Environment.GetEnvironmentVariable("WASM_STACK") ?? "1048576");
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            var config = new Config()
                .WithMaximumStackSize(maxStack)
                .WithAsyncStackSize(2 * 1024 * 1024);
            if (maxStack > 2 * 1024 * 1024) throw new System.InvalidOperationException("max_wasm_stack must be less than or equal to async_stack_size");
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
