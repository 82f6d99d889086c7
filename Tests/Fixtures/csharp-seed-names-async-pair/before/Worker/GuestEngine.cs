using Wasmtime;

namespace Worker;

/// Built against a wasmtime-dotnet fork that exposes the async knobs.
public static class GuestEngine
{
    private const int MaxWasmStack = 4 << 20;
    private const int AsyncStackSize = 3 << 20;

    public static Engine Create()
    {
        var config = new Config()
            .WithAsync(true)
            .WithMaxWasmStack(MaxWasmStack)
            .WithAsyncStackSize(AsyncStackSize);
        return new Engine(config);
    }
}
