using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a test server, on one provider and one database. Settings go through
/// <c>UseSetting</c>, which Program's <c>WebApplicationBuilder</c> sees before it reads its configuration
/// (unlike <c>ConfigureAppConfiguration</c>, which minimal hosting applies too late).
/// </summary>
public sealed class WenmingFactory(TestDatabase database, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>One key for the whole run: every test database is a copy of a template whose seeded ID numbers are encrypted with it.</summary>
    public static readonly string PiiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestDatabase Database => database;

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
        // The tests speak for several client addresses through X-Forwarded-For (the test server has no real peer).
        builder.UseSetting("Network:TrustedProxies", "*");
        // Expected failures (unique-index races, 4xx) log at warning/error level; keep the test output readable.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Critical");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
