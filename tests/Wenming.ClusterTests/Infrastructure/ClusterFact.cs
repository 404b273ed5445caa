namespace Wenming.ClusterTests.Infrastructure;

/// <summary>
/// A fact that needs a PostgreSQL server (<c>WENMING_TEST_POSTGRES</c>), nginx and the built web app. Without
/// them it is skipped with the reason locally, and fails in CI (<c>CI=true</c>), like the integration tests' DatabaseFact.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (!Prerequisites.IsCi && Prerequisites.Missing() is { } missing)
        {
            Skip = missing + " The cluster test is skipped outside CI.";
        }
    }
}

public static class Prerequisites
{
    public const string PostgresVariable = "WENMING_TEST_POSTGRES";

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>nginx from the Debian package (/usr/sbin is not always on a test runner's PATH).</summary>
    public static string? Nginx =>
        new[] { Environment.GetEnvironmentVariable("WENMING_NGINX"), "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    /// <summary>What is missing, in one sentence, or null when the cluster can be started.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (PostgresServer is null)
        {
            missing.Add($"{PostgresVariable} is not set (a PostgreSQL server without Database, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres\")");
        }

        if (Nginx is null)
        {
            missing.Add("nginx is not installed (apt-get install nginx)");
        }

        if (WebApp.Find() is null)
        {
            missing.Add("the web app is not built (dotnet build Wenming.slnx)");
        }

        return missing.Count == 0 ? null : string.Join("; ", missing) + ".";
    }

    /// <summary>Fails with the reason when something is missing (in CI the test must run, not be skipped).</summary>
    public static void Require()
    {
        if (Missing() is { } missing)
        {
            throw new InvalidOperationException("The cluster test cannot run: " + missing);
        }
    }
}

/// <summary>Where the built web app is: next to this test's output, in src/Wenming.Web's bin (or the artifacts folder).</summary>
public static class WebApp
{
    public static string? Find()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var candidates = new[]
        {
            // bin/Debug/net10.0 of tests/Wenming.ClusterTests → the same of src/Wenming.Web
            here.Replace($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}Wenming.ClusterTests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}src{Path.DirectorySeparatorChar}Wenming.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
            // WENMING_ARTIFACTS: <artifacts>/bin/Wenming.ClusterTests/debug → <artifacts>/bin/Wenming.Web/debug
            here.Replace($"{Path.DirectorySeparatorChar}Wenming.ClusterTests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}Wenming.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
        };
        return candidates.Select(dir => Path.Combine(dir, "Wenming.Web.dll")).FirstOrDefault(File.Exists);
    }
}
