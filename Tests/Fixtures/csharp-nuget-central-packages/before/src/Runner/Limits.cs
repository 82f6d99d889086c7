namespace Runner;

/// <summary>Resource limits for guest modules.</summary>
public static class Limits
{
    public const ulong Stack = 3 << 20;
    public const ulong Fuel = 10_000_000;
}
