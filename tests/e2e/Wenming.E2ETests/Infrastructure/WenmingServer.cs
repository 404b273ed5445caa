using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wenming.E2ETests.Infrastructure;

/// <summary>
/// The real app on Kestrel (real HTTP that Chromium can reach) on a free loopback port, against a
/// fresh SQLite file with the demo county seeded. Settings go through UseSetting, which Program's
/// WebApplicationBuilder reads before it builds its configuration.
/// </summary>
public sealed class WenmingServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wenming-e2e-").FullName;

    public WenmingServer()
    {
        Port = FreePort();
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Wenming", $"Data Source={Path.Combine(_directory, "wenming.db")}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Security:PiiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Data:Directory", Path.Combine(_directory, "data"));
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        // The whole browser suite signs in from one loopback address, well over a hundred times within a
        // couple of minutes on a fast machine; the per-address limit has its own tests (AuthTests), so here
        // it must not refuse the suite's own sign-ins.
        builder.UseSetting("RateLimits:SignInPerMinutePerAddress", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; a failed test run is not worth that.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
