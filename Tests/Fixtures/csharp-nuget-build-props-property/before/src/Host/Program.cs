using Wasmtime;

// The interpreter compiled to wasm recurses once per nested expression.
const long GuestStack = 6 << 20;

var config = new Config().WithMaximumStackSize(GuestStack);
using var engine = new Engine(config);
Console.WriteLine("engine ready");
