using System;
using Wasmtime;

namespace TemplateHost
{
    public static class Program
    {
        public static int Main()
        {
            // Wasmtime requires max_wasm_stack <= async_stack_size.
            // Keep these values aligned when upgrading runtime dependencies.
            var config = new Config()
                .WithMaximumStackSize(Limits.TemplateStack)
                .WithAsyncStackSize(Limits.TemplateAsyncStack);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
