using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.Web.Demo;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The databases every test class starts from, made once per test run and per provider: one migrated only,
/// one migrated and seeded with the demo county plus the second county (云岭县). Each is made by starting the
/// real app on it (so the migrations and the seed run exactly as for a class of its own), then closed, and
/// test classes get copies (<see cref="TestDatabase.CopyOfTemplateAsync"/>): a file copy on SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. The copies share the run's PII key
/// (<see cref="WenmingFactory.PiiKey"/>), since the seeded ID numbers are encrypted with it.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, bool Seeded), Lazy<Task<TestDatabase>>> Templates = new();

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    public static Task<TestDatabase> GetAsync(DatabaseProvider provider, bool seeded) =>
        Templates.GetOrAdd((provider, seeded), key => new Lazy<Task<TestDatabase>>(() => MakeAsync(key.Provider, key.Seeded))).Value;

    private static async Task<TestDatabase> MakeAsync(DatabaseProvider provider, bool seeded)
    {
        var template = await TestDatabase.CreateAsync(provider);
        await using (var factory = new WenmingFactory(template, seeded))
        {
            // Starting the host migrates (and seeds) the database.
            using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (seeded)
            {
                var anonymous = new ApiClient(http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress);
                var token = (await anonymous.PostAsync("/api/v1/auth/token", new { login = "admin", password = DemoCounty.Password }))
                    .Expect(HttpStatusCode.OK).Text("accessToken");
                await DemoMap.AddSecondCountyAsync(new ApiClient(http, () => Task.FromResult<string?>(token), AppFixture.ClientAddress));
            }
        }

        await template.CloseForCopyingAsync();
        return template;
    }

    private static void DropAll()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully).Select(t => t.Value.Result))
        {
            try
            {
                template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or Npgsql.NpgsqlException)
            {
                // A template left on a throwaway server or in the temp folder is harmless.
            }
        }
    }
}
