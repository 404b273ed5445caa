using Wenming.Web.Platform.Hosting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wenming.IntegrationTests.Infrastructure;

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

/// <summary>
/// A fact that runs once per database provider: two test cases, "… (Sqlite)" and "… (Postgres)", each
/// given the class fixture's object for its provider (<see cref="IDatabaseFixture"/>). The PostgreSQL case
/// is skipped with a reason when <see cref="PostgresServer"/> is not configured, unless CI=true (ADR 0030).
/// </summary>
[XunitTestCaseDiscoverer("Wenming.IntegrationTests.Infrastructure.DatabaseFactDiscoverer", "Wenming.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory whose every data row runs once per database provider; see <see cref="DatabaseFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Wenming.IntegrationTests.Infrastructure.DatabaseTheoryDiscoverer", "Wenming.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>
/// A class fixture that stands for one object per provider. xunit makes it once per test class (and disposes it
/// with the class); each [DatabaseFact]/[DatabaseTheory] case replaces it in the test class's constructor
/// arguments by <see cref="ForAsync"/> of its provider, so the test sees only the object for its case.
/// </summary>
public interface IDatabaseFixture
{
    /// <summary>The object for <paramref name="provider"/>, made (and started) on first use; later cases get the same one.</summary>
    Task<object> ForAsync(DatabaseProvider provider);
}

/// <summary>
/// For a test class that makes its own databases and needs no app (<see cref="PiiKeyTests"/>, <see cref="SchemaMatchesModelTests"/>):
/// the provider of the running case.
/// </summary>
public sealed class ProviderFixture : IDatabaseFixture
{
    public DatabaseProvider Provider { get; private init; }

    public Task<object> ForAsync(DatabaseProvider provider) => Task.FromResult<object>(new ProviderFixture { Provider = provider });
}

public sealed class DatabaseFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DatabaseCases.PerProvider(sink, discoveryOptions, _inner.Discover(discoveryOptions, testMethod, factAttribute));
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(sink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DatabaseCases.PerProvider(sink, discoveryOptions, _inner.Discover(discoveryOptions, testMethod, factAttribute));
}

internal static class DatabaseCases
{
    public static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>The trait that names a case's provider: <c>--filter "Database=Postgres"</c>.</summary>
    public const string Trait = "Database";

    /// <summary>
    /// xunit's own discoverers decide what the cases are (one per data row, one for a whole theory whose data
    /// cannot be enumerated early, an error case); each becomes one case per provider. Error cases stay single.
    /// </summary>
    public static IEnumerable<IXunitTestCase> PerProvider(IMessageSink sink, ITestFrameworkDiscoveryOptions options, IEnumerable<IXunitTestCase> cases)
    {
        foreach (var testCase in cases)
        {
            switch (testCase)
            {
                case ExecutionErrorTestCase or XunitSkippedDataRowTestCase:
                    yield return testCase;
                    break;
                case XunitTheoryTestCase theory:
                    foreach (var provider in Providers)
                    {
                        yield return new DatabaseTheoryTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), theory.TestMethod, provider);
                    }

                    break;
                case XunitTestCase single:
                    foreach (var provider in Providers)
                    {
                        yield return new DatabaseTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), single.TestMethod, provider, single.TestMethodArguments);
                    }

                    break;
                default:
                    yield return testCase;
                    break;
            }
        }
    }

    /// <summary>The class's constructor arguments with every <see cref="IDatabaseFixture"/> replaced by its object for <paramref name="provider"/>; a start that fails fails the case.</summary>
    public static async Task<object[]> ArgumentsAsync(object[] constructorArguments, DatabaseProvider provider, ExceptionAggregator aggregator)
    {
        // The array is shared by every case of the class: each case gets its own copy.
        var arguments = (object[])constructorArguments.Clone();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is IDatabaseFixture fixture)
            {
                var index = i;
                await aggregator.RunAsync(async () => arguments[index] = await fixture.ForAsync(provider));
            }
        }

        return arguments;
    }

    public static string? SkipReason(string? attributeSkip, DatabaseProvider provider) => attributeSkip ?? PostgresServer.SkipReason(provider);

    public static string Name(string displayName, DatabaseProvider provider) => $"{displayName} ({provider})";

    public static string UniqueId(string uniqueId, DatabaseProvider provider) => $"{uniqueId}-{provider}";

    public static void AddTrait(Dictionary<string, List<string>> traits, DatabaseProvider provider) => traits[Trait] = [provider.ToString()];

    public static DatabaseProvider Read(IXunitSerializationInfo data) => Enum.Parse<DatabaseProvider>(data.GetValue<string>(nameof(DatabaseTestCase.Provider)));

    public static void Write(IXunitSerializationInfo data, DatabaseProvider provider) => data.AddValue(nameof(DatabaseTestCase.Provider), provider.ToString());
}

/// <summary>One data row (or a fact) on one provider.</summary>
public sealed class DatabaseTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public DatabaseTestCase()
    {
    }

    public DatabaseTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, DatabaseProvider provider, object[]? arguments)
        : base(sink, display, displayOptions, testMethod, arguments) => Provider = provider;

    public DatabaseProvider Provider { get; private set; }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = DatabaseCases.Name(DisplayName, Provider);
        DatabaseCases.AddTrait(Traits, Provider);
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => DatabaseCases.SkipReason(base.GetSkipReason(factAttribute), Provider);

    protected override string GetUniqueID() => DatabaseCases.UniqueId(base.GetUniqueID(), Provider);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        DatabaseCases.Write(data, Provider);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = DatabaseCases.Read(data);
        base.Deserialize(data);
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        await base.RunAsync(diagnosticMessageSink, messageBus, SkipReason is null ? await DatabaseCases.ArgumentsAsync(constructorArguments, Provider, aggregator) : constructorArguments, aggregator, cancellationTokenSource);
}

/// <summary>A whole theory on one provider, for data that xunit enumerates only when it runs.</summary>
public sealed class DatabaseTheoryTestCase : XunitTheoryTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public DatabaseTheoryTestCase()
    {
    }

    public DatabaseTheoryTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, DatabaseProvider provider)
        : base(sink, display, displayOptions, testMethod) => Provider = provider;

    public DatabaseProvider Provider { get; private set; }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = DatabaseCases.Name(DisplayName, Provider);
        DatabaseCases.AddTrait(Traits, Provider);
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => DatabaseCases.SkipReason(base.GetSkipReason(factAttribute), Provider);

    protected override string GetUniqueID() => DatabaseCases.UniqueId(base.GetUniqueID(), Provider);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        DatabaseCases.Write(data, Provider);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Provider = DatabaseCases.Read(data);
        base.Deserialize(data);
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        await base.RunAsync(diagnosticMessageSink, messageBus, SkipReason is null ? await DatabaseCases.ArgumentsAsync(constructorArguments, Provider, aggregator) : constructorArguments, aggregator, cancellationTokenSource);
}
