using System;
using Wasmtime;

// var config = new Config().WithMaximumStackSize(8 << 20);
class Program
{
    const string Hint = "WithMaximumStackSize(0) and WithAsyncStackSize(1) are decoys";

    static void Main()
    {
        Console.WriteLine(Hint);
        using var engine = new Engine(new Config().WithReferenceTypes(true));
    }
}
