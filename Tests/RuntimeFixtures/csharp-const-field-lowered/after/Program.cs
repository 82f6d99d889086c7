using System;
using Wasmtime;

namespace Sandbox
{
    public static class Program
    {
        private static Engine CreateEngine()
        {
            var config = new Config();
            config.WithMaximumStackSize(Limits.GuestStack);
            return new Engine(config);
        }

        public static int Main()
        {
            using (var engine = CreateEngine())
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
