namespace Renderer;

public static class Limits
{
    /// <summary>Templates nest deeply.</summary>
    public const int TemplateStack = 6 << 20; // 6 MiB
    public const int TemplateAsyncStack = TemplateStack + 512 * 1024;
}
