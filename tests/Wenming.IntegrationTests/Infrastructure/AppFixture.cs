using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web.Demo;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// One running app on a database of its own (a copy of the run's template, <see cref="DatabaseTemplates"/>)
/// seeded with the demo county, shared by the tests of one class on one provider.
/// As a class fixture (<c>IClassFixture&lt;AppFixture&gt;</c>, or a subclass with its own settings) xunit makes
/// one per test class and it starts nothing itself: each [DatabaseFact] case asks it for the app of its provider
/// (<see cref="IDatabaseFixture"/>), a new instance of the same type, started on first use — so a run filtered to
/// one provider never starts the other — and disposed with the class (ADR 0030).
/// Sign-in hashes passwords (~50-100 ms), so tokens are cached per login.
/// </summary>
public class AppFixture : IAsyncLifetime, IDatabaseFixture
{
    public const string DemoPassword = DemoCounty.Password;

    /// <summary>The client address the tests sign in from (X-Forwarded-For), as the audit log shows it.</summary>
    public const string ClientAddress = "198.51.100.20";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<AppFixture>>> _perProvider = new();
    private DatabaseProvider? _provider;
    private TestDatabase? _database;
    private WenmingFactory? _factory;
    private HttpClient? _http;
    private DemoMap? _demo;

    /// <summary>The class fixture that makes one app per provider on demand.</summary>
    public AppFixture()
    {
    }

    /// <summary>An app that xunit starts itself on <paramref name="provider"/>, for a class of plain facts (<see cref="SqliteApp"/>).</summary>
    protected AppFixture(DatabaseProvider provider) => _provider = provider;

    public DatabaseProvider Provider => _provider ?? throw new InvalidOperationException("This is the class fixture; a [DatabaseFact] case gets the app of its provider.");

    /// <summary>Seed the demo county? Fixtures that only need an empty, migrated database say no.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Extra settings for this fixture's app.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Extra services for this fixture's app (a test's own EF interceptor, say); none by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public HttpClient Http => _http ?? throw new InvalidOperationException("The app is not running.");

    public WenmingFactory Factory => _factory ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>
    /// A client signed in through the sign-in form with the demo password, keeping its cookie and not following
    /// redirects: the server-rendered pages as a browser gets them.
    /// </summary>
    public Task<HttpClient> SignInToPagesAsync(string login) => SignInToPagesAsync(Factory, login);

    /// <inheritdoc cref="SignInToPagesAsync(string)"/>
    public static async Task<HttpClient> SignInToPagesAsync(WenmingFactory factory, string login)
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync("/account/login");
        using var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = DemoPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken.Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    private static readonly System.Text.RegularExpressions.Regex AntiforgeryToken =
        new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Compiled);

    public DemoMap Demo => _demo ?? throw new InvalidOperationException("The demo county was not loaded.");

    public async Task InitializeAsync()
    {
        if (_provider is { } provider)
        {
            await StartAsync(provider);
        }
    }

    public async Task<object> ForAsync(DatabaseProvider provider) =>
        await _perProvider.GetOrAdd(provider, p => new Lazy<Task<AppFixture>>(() => StartOneAsync(p))).Value;

    private async Task<AppFixture> StartOneAsync(DatabaseProvider provider)
    {
        // The same type as this fixture, so a subclass's settings and seeding apply.
        var app = (AppFixture)Activator.CreateInstance(GetType())!;
        try
        {
            await app.StartAsync(provider);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(DatabaseProvider provider)
    {
        _provider = provider;
        _database = await TestDatabase.CopyOfTemplateAsync(provider, SeedDemo);
        _factory = new WenmingFactory(_database, SeedDemo, Settings, ConfigureServices);
        _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (SeedDemo)
        {
            _demo = await DemoMap.LoadAsync(this);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var started in _perProvider.Values)
        {
            // A start that failed cleaned up after itself (and failed its cases).
            if (started.IsValueCreated && started.Value.IsCompletedSuccessfully)
            {
                await started.Value.Result.DisposeAsync();
            }
        }

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

/// <summary>One app on SQLite that xunit starts for a class of plain facts, which need no second provider (<see cref="OpenApiLintTests"/>).</summary>
public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);
