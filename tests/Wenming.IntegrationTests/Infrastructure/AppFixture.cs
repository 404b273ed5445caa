using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.Web.Demo;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// One running app on a database of its own (a copy of the run's template, <see cref="DatabaseTemplates"/>)
/// seeded with the demo county, shared by the tests of one class.
/// Sign-in hashes passwords (~50-100 ms), so tokens are cached per login.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const string DemoPassword = DemoCounty.Password;

    /// <summary>The client address the tests sign in from (X-Forwarded-For), as the audit log shows it.</summary>
    public const string ClientAddress = "198.51.100.20";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private TestDatabase? _database;
    private WenmingFactory? _factory;
    private HttpClient? _http;
    private DemoMap? _demo;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Seed the demo county? Fixtures that only need an empty, migrated database say no.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Extra settings for this fixture's app.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public HttpClient Http => _http ?? throw new InvalidOperationException("The app is not running.");

    public WenmingFactory Factory => _factory ?? throw new InvalidOperationException("The app is not running.");

    public DemoMap Demo => _demo ?? throw new InvalidOperationException("The demo county was not loaded.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason(Provider) is not null)
        {
            // The tests were skipped at discovery with that reason; there is nothing to start.
            return;
        }

        _database = await TestDatabase.CopyOfTemplateAsync(Provider, SeedDemo);
        _factory = new WenmingFactory(_database, SeedDemo, Settings);
        _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (SeedDemo)
        {
            _demo = await DemoMap.LoadAsync(this);
        }
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A client acting as <paramref name="login"/> (a demo login, or one a test created with <see cref="TestData.StrongPassword"/> or the demo password).</summary>
    public ApiClient As(string login, string? password = null) => new(Http, async () => await TokenAsync(login, password), ClientAddress);

    public ApiClient Anonymous(string? forwardedFor = null) => new(Http, () => Task.FromResult<string?>(null), forwardedFor ?? ClientAddress);

    public ApiClient WithToken(string token) => new(Http, () => Task.FromResult<string?>(token), ClientAddress);

    public ApiClient Admin => As("admin");

    public Task<ApiResponse> SignInAsync(string login, string password, string? forwardedFor = null) =>
        Anonymous(forwardedFor).PostAsync("/api/v1/auth/token", new { login, password });

    public Task<string> TokenAsync(string login, string? password = null) =>
        _tokens.GetOrAdd(login, l => new Lazy<Task<string>>(async () =>
        {
            var signedIn = (await SignInAsync(l, password ?? DemoPassword)).Expect(HttpStatusCode.OK);
            return signedIn.Text("accessToken");
        })).Value;

    /// <summary>Forget a cached token (after a test ended that login's sessions on purpose).</summary>
    public void ForgetToken(string login) => _tokens.TryRemove(login, out _);
}

public sealed class SqliteApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
