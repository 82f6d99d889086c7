using Wasmtime;

namespace Runner;

public sealed class GuestHost : IDisposable
{
    private readonly Engine _engine;

    public GuestHost()
    {
        var config = new Config()
            .WithFuelConsumption(true)
            .WithMaximumStackSize((long)Limits.Stack);
        _engine = new Engine(config);
    }

    public void Dispose() => _engine.Dispose();
}
