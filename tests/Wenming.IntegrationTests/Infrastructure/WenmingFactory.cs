using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a test server, on one provider and one database. Settings go through
/// <c>UseSetting</c>, which Program's <c>WebApplicationBuilder</c> sees before it reads its configuration
/// (unlike <c>ConfigureAppConfiguration</c>, which minimal hosting applies too late).
/// </summary>
public sealed class WenmingFactory(
    TestDatabase database, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null,
    bool waitForDemoSeed = true)
    : WebApplicationFactory<Program>
{
    /// <summary>One key for the whole run: every test database is a copy of a template whose seeded ID numbers are encrypted with it.</summary>
    public static readonly string PiiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestDatabase Database => database;

    /// <summary>
    /// The host serves before the demo county is seeded into an empty database (ADR 0038); tests expect the county
    /// when they begin, so the start waits for the seed unless a test watches the seeding itself.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForDemoSeed)
        {
            host.Services.GetRequiredService<DemoSeeding>().Completion.GetAwaiter().GetResult();
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Wenming", database.ConnectionString);
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Security:PiiKey", database.PiiKey);
        builder.UseSetting("Data:Directory", Path.Combine(database.Directory, "data"));
        builder.UseSetting("Logging:Json", "false");
        // Background jobs run on the wall clock; tests drive them by hand with the time they need (Jobs.RunOnceAsync).
        builder.UseSetting("Jobs:Enabled", "false");
        // The bundled subset font, not an installed one: CI then proves the certificate on a bare machine.
        builder.UseSetting("Certificates:FontPath", Path.Combine(AppContext.BaseDirectory, Wenming.Web.Modules.Volunteers.Features.IssueCertificate.CertificateFonts.BundledFileName));
        // The test server's requests come from loopback, as from a proxy on the same host; the tests speak for
        // several client addresses through X-Forwarded-For, so this host trusts loopback as its proxy
        // (the app itself trusts no proxy unless configured; AuthTests check that).
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, LoopbackPeer>());
        builder.UseSetting("Network:TrustedProxies", "127.0.0.1");
        // Expected failures (unique-index races, 4xx) log at warning/error level; keep the test output readable.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Critical");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}

/// <summary>Gives the test server's requests the peer address a real connection from this host has.</summary>
internal sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext ctx, RequestDelegate following) =>
        {
            ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return following(ctx);
        });
        next(app);
    };
}
