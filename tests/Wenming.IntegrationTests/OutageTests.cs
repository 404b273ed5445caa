using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests;

/// <summary>
/// While the database cannot be reached the app answers 503 with Retry-After (as /readyz does), with
/// problem details in Chinese on the API and a Chinese page on the pages — not a 500 (issue 10).
/// SQLite: the database file is replaced by something that cannot be opened (a folder: SQLITE_CANTOPEN,
/// as when the data volume is gone). A deleted file is not an outage to SQLite — it makes a new, empty
/// database, and queries then fail as a bug would (no such table). PostgreSQL: the database is dropped
/// under the app, and a second app points at a port where nothing listens.
/// </summary>
public sealed class OutageTests(DisposableDatabaseApp app) : IClassFixture<DisposableDatabaseApp>
{
    [DatabaseFact]
    public async Task WhileTheDatabaseIsGone_TheApiAndThePagesAnswer503_WithRetryAfter_InChinese()
    {
        // Up: the sign-in is refused for the wrong password, from the database.
        using (var up = await app.Http.PostAsJsonAsync("/api/v1/auth/token", new { login = "nobody", password = "wrong-password" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, up.StatusCode);
        }

        await TakeTheDatabaseAwayAsync(app.Factory.Database);

        await AssertUnavailableAsync(app.Http);
    }

    [DatabaseFact]
    public async Task AnAppWhoseDatabaseServerDoesNotListen_Answers503()
    {
        if (app.Provider != DatabaseProvider.Postgres)
        {
            // SQLite has no server to be away; the test above covers its outage.
            return;
        }

        var closedPort = new NpgsqlConnectionStringBuilder(app.Factory.Database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 }.ConnectionString;
        await using var factory = new WenmingFactory(app.Factory.Database, seedDemo: false, new Dictionary<string, string>
        {
            ["ConnectionStrings:Wenming"] = closedPort,
            ["Database:MigrateOnStart"] = "false",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await AssertUnavailableAsync(client);
    }

    private static async Task AssertUnavailableAsync(HttpClient client)
    {
        using var api = await client.PostAsJsonAsync("/api/v1/auth/token", new { login = "nobody", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter is not null, "no Retry-After on the API's 503");
        var problem = new ApiResponse(api.StatusCode, api.Content.Headers.ContentType?.MediaType, await api.Content.ReadAsStringAsync(), "POST /api/v1/auth/token");
        problem.ExpectProblem(HttpStatusCode.ServiceUnavailable, "common.unavailable");
        Assert.Contains("稍后重试", problem.Text("detail"), StringComparison.Ordinal);

        // A page that reads the database: the public certificate check (a well-formed code, so it is looked up).
        using var page = await client.GetAsync("/verify/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(page.Headers.RetryAfter is not null, "no Retry-After on the page's 503");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-page\"", html, StringComparison.Ordinal);
        Assert.Contains("稍后重试", html, StringComparison.Ordinal);
    }

    private static async Task TakeTheDatabaseAwayAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await database.BreakAsync();
            return;
        }

        // The app's connection string differs from the test's (a busy timeout), so its pool is its own: clear them all,
        // and make the app's pooled contexts drop the connections they keep (ADR 0076).
        SqliteKeptConnection.ReleaseAll();

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(file);
    }
}
