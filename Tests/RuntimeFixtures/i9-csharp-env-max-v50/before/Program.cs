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
            var config = new Config()
                .WithMaximumStackSize(stack);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created with max_wasm_stack=" + stack);
            }
            return 0;
        }
    }
}
