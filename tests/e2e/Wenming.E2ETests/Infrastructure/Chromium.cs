namespace Wenming.E2ETests.Infrastructure;

/// <summary>
/// Where the browser comes from: the system's Chromium (Playwright cannot download browsers here).
/// Locally a machine without it skips the browser tests with a reason; on CI (CI=true) they run and
/// fail, so a broken image cannot pass as green.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath => Environment.GetEnvironmentVariable("WENMING_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => IsInstalled || OnCi
        ? null
        : $"Chromium not found at {ExecutablePath}: install it (apt-get install -y chromium fonts-noto-cjk) or set WENMING_CHROMIUM. With CI=true these tests fail instead of skipping.";

    /// <summary>Flags for a headless run as root in a sandboxed, offline box.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];
}

/// <summary>A browser test: skipped (locally only) when Chromium is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A browser theory: skipped (locally only) when Chromium is missing.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
