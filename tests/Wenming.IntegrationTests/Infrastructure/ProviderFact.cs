using Wenming.Web.Platform.Hosting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>Marks a concrete test class that runs its inherited tests on PostgreSQL.</summary>
public interface IRunsOnPostgres;

/// <summary>
/// Where the PostgreSQL tests get their server: <c>WENMING_TEST_POSTGRES</c>, a connection string
/// without Database. Unset, the tests are skipped with a reason locally and fail in CI (<c>CI=true</c>).
/// </summary>
public static class PostgresServer
{
    public const string Variable = "WENMING_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Why a test on <paramref name="provider"/> does not run here, or null when it runs (or must fail).</summary>
    public static string? SkipReason(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres && ConnectionString is null && !IsCi
            ? $"{Variable} is not set (a server without Database, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres\"): PostgreSQL tests are skipped outside CI."
            : null;

    public static string Require() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, and with CI=true the PostgreSQL integration tests must run, not be skipped. " +
            $"Set {Variable} to a PostgreSQL server connection string without Database, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres\".");
}

/// <summary>A fact that runs on the provider of its concrete class; see <see cref="PostgresServer"/>.</summary>
[XunitTestCaseDiscoverer("Wenming.IntegrationTests.Infrastructure.ProviderFactDiscoverer", "Wenming.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory that runs on the provider of its concrete class; see <see cref="PostgresServer"/>.</summary>
[XunitTestCaseDiscoverer("Wenming.IntegrationTests.Infrastructure.ProviderTheoryDiscoverer", "Wenming.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.Skipped(sink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.Skipped(sink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

internal static class ProviderSkip
{
    public static IEnumerable<IXunitTestCase>? Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var provider = typeof(IRunsOnPostgres).IsAssignableFrom(type) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        return PostgresServer.SkipReason(provider) is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : null;
    }
}
