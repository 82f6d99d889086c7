namespace Host;

public static class Limits
{
    public const int KiB = 1024;
    public const int MiB = 1024 * KiB;
    /// <summary>Deepest stack a guest may use.</summary>
    public const int MaxStack = 4 * MiB;
}
