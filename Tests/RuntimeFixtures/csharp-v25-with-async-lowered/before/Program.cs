using System;
using Wasmtime;

namespace AsyncHost
{
    public static class Program
    {
        public static int Main()
        {
            var config = new Config()
                .WithAsync(true)
                .WithMaximumStackSize(4 * 1024 * 1024);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
