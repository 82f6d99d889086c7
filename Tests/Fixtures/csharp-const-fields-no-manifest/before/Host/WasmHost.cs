using Wasmtime;

namespace Host;

public sealed class WasmHost : IDisposable
{
    private readonly Engine _engine;

    public WasmHost()
    {
        var config = new Config()
            .WithCraneliftDebugVerifier(false)
            .WithMaximumStackSize(Limits.MaxStack);
        _engine = new Engine(config);
    }

    public void Dispose() => _engine.Dispose();
}
