using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// An expected conflict is not an error in the operator's log: a replayed <c>Idempotency-Key</c> (the key's row
/// already there, then the first answer replayed) logs no Warning and no Error — EF Core used to log the failed
/// INSERT and the failed save at Error with a stack trace, twice per retry. The claim is now an INSERT that does
/// nothing on a conflict, so no command fails at all.
/// </summary>
public sealed class ConflictLoggingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task A_replayed_idempotent_request_logs_no_error_and_no_failed_command()
    {
        var log = new LogCapture();
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l
            .AddProvider(log)
            // Everything from Information up, whatever the suite's quieter defaults (EF Core at Critical) say.
            .AddFilter<LogCapture>(null, LogLevel.Information)));
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = (await new ApiClient(http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress)
            .PostAsync("/api/v1/auth/token", new { login = "resident1", password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK).Text("accessToken");
        var key = Guid.NewGuid().ToString();
        var order = new
        {
            description = TestData.Name("日志重试点单"),
            orgUnitId = app.Demo.Unit("village1"),
            wantedAt = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            contactPhone = "13912345678",
            address = "3组12号",
        };

        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
            request.Headers.Add("Idempotency-Key", key);
            request.Content = JsonContent.Create(order);
            return await http.SendAsync(request);
        }

        using var first = await PostAsync();
        var before = log.Entries.Count;
        using var replayed = await PostAsync();
        var entries = log.Entries.Skip(before).ToList();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotency-Replayed").Single());
        var errors = entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "The replay logged:\n" + string.Join("\n", errors));
        Assert.DoesNotContain(entries, e => e.Category.EndsWith("FailedCommandLog", StringComparison.Ordinal) || e.Exception is not null);
    }
}
