using System;
using Wasmtime;

namespace EnvHost
{
    public static class Program
    {
        public static int Main()
        {
            int maxStack = int.Parse(Environment.GetEnvironmentVariable("WASM_STACK") ?? "1048576");
            var config = new Config()
                .WithMaximumStackSize(maxStack)
                .WithAsyncStackSize(2 * 1024 * 1024);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
