using System;
using Wasmtime;

namespace GuestHost
{
    public static class Program
    {
        public static int Main()
        {
            var config = new Config()
                .WithMaximumStackSize(8 << 20);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
