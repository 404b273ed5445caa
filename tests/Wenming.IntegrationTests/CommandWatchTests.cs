using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;

namespace Wenming.IntegrationTests;

/// <summary>
/// What the platform records of its database commands, now done in EF Core's command itself (ADR 0095), not in command
/// interceptors: a failed command is one log line (Information for a unique index's refusal, which callers handle, a
/// Warning otherwise) and an error on /metrics; and the platform's contexts register no command interceptor, whose mere
/// presence sends every statement down EF Core's logging path.
/// </summary>
[Collection(ScrapesMetrics.Name)]
public sealed class CommandWatchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task AFailedCommand_IsOneLogLine_AndAnErrorOnMetrics()
    {
        var log = new LogCapture();
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l
            .AddProvider(log)
            .AddFilter<LogCapture>(null, LogLevel.Information)));
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var errorsBefore = await ErrorsOnMetricsAsync(http);

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A key refused inside a transaction that is then rolled back: nothing stays behind.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TABLE command_watch_probe (id INTEGER PRIMARY KEY)");
                await db.Database.ExecuteSqlRawAsync("INSERT INTO command_watch_probe (id) VALUES (1)");
                await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO command_watch_probe (id) VALUES (1)"));
                await transaction.RollbackAsync();
            }

            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE command_watch_probe SET id = 2"));
        }

        var lines = log.Entries.Where(e => e.Category.EndsWith("FailedCommandLog", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            lines,
            refused =>
            {
                Assert.Equal(LogLevel.Information, refused.Level);
                Assert.StartsWith("A unique index refused a write", refused.Message, StringComparison.Ordinal);
            },
            failed =>
            {
                Assert.Equal(LogLevel.Warning, failed.Level);
                Assert.StartsWith("A database command failed", failed.Message, StringComparison.Ordinal);
                Assert.Contains("command_watch_probe", failed.Message, StringComparison.Ordinal);
            });
        Assert.Equal(errorsBefore + 2, await ErrorsOnMetricsAsync(http));
    }

    [DatabaseFact]
    public void ThePlatformsContexts_RegisterNoCommandInterceptor()
    {
        var options = app.Factory.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var interceptors = options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];

        Assert.NotEmpty(interceptors);
        Assert.DoesNotContain(interceptors, i => i is IDbCommandInterceptor);
        using var scope = app.Factory.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AppDbContext>().CommandWatch);
    }

    /// <summary>The failed commands /metrics counts so far, over both databases' series.</summary>
    private static async Task<long> ErrorsOnMetricsAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split('\n')
            .Where(l => l.StartsWith("wenming_db_command_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("outcome=\"error\"", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
