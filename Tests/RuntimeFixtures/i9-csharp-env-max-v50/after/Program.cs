using System;
using Wasmtime;

namespace GuestHost
{
    public static class Program
    {
        private static int StackFromEnvironment()
        {
            string text = Environment.GetEnvironmentVariable("WASM_STACK");
            return text == null ? 1024 * 1024 : int.Parse(text);
        }

        public static int Main()
        {
            int stack = StackFromEnvironment();
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            var config = new Config()
                .WithMaximumStackSize(stack);
            if (stack > 2 * 1024 * 1024) throw new System.InvalidOperationException("max_wasm_stack must be less than or equal to async_stack_size");
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created with max_wasm_stack=" + stack);
            }
            return 0;
        }
    }
}
