using System;
using Wasmtime;

namespace GuestHost
{
    public static class Limits
    {
        // The guest's parser recurses deeply.
        public const int GuestStack = 4 << 20;
    }

    public static class Program
    {
        public static int Main()
        {
            var config = new Config()
                .WithMaximumStackSize(Limits.GuestStack);
            using (var engine = new Engine(config))
            {
                Console.WriteLine("engine created");
            }
            return 0;
        }
    }
}
