using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>An event only these tests raise; its handler fails while <see cref="ProbeFault.Broken"/>.</summary>
public sealed record DeadLetterProbe(string Tag);

public sealed class ProbeFault
{
    private bool _broken = true;
    private int _delivered;
    private int _calls;

    public bool Broken
    {
        get => Volatile.Read(ref _broken);
        set => Volatile.Write(ref _broken, value);
    }

    public int Delivered => _delivered;

    public int Calls => _calls;

    public void Called() => Interlocked.Increment(ref _calls);

    public void Succeeded() => Interlocked.Increment(ref _delivered);
}

public sealed class ProbeHandler(ProbeFault fault) : IEventHandler<DeadLetterProbe>
{
    public Task HandleAsync(DeadLetterProbe evt, CancellationToken ct)
    {
        fault.Called();
        if (fault.Broken)
        {
            throw new InvalidOperationException("probe handler is broken: " + evt.Tag);
        }

        fault.Succeeded();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Dead letters (ADR 0022): an event whose handler always fails is retried with backoff, and after
/// Events:MaxAttempts sweeps it is a dead letter — listed for the system admin (API, page), no longer swept —
/// until a retry, after the fault is fixed, delivers it exactly once.
/// </summary>
public sealed class DeadLetterTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task AlwaysFailingEvent_EndsAsADeadLetter_AfterMaxAttempts_AndARetryDeliversItOnce()
    {
        var fault = new ProbeFault();
        await using var factory = app.Factory.WithWebHostBuilder(b => b
            .UseSetting("Events:MaxAttempts", "3")
            .UseSetting("Events:DeliverInline", "false")
            .ConfigureTestServices(s => s.AddSingleton(fault).AddEventHandler<DeadLetterProbe, ProbeHandler>()));
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = new ApiClient(http, async () => await app.TokenAsync("admin"), AppFixture.ClientAddress);

        long id;
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("dead-letter-tests");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = OutboxMessage.Create(nameof(DeadLetterProbe), """{"tag":"t1"}""", DateTime.UtcNow);
            db.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var now = DateTime.UtcNow.AddMinutes(1);
        await SweepAsync(factory, now);
        Assert.Equal(1, fault.Calls);

        // Backoff: a sweep a second later leaves the failed event alone.
        await SweepAsync(factory, now.AddSeconds(1));
        Assert.Equal(1, fault.Calls);
        Assert.DoesNotContain((await admin.GetAsync("/api/v1/ops/dead-letters")).Expect(HttpStatusCode.OK).Json.EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);

        await SweepAsync(factory, now.AddDays(1));
        await SweepAsync(factory, now.AddDays(2));
        Assert.Equal(3, fault.Calls);

        var dead = (await admin.GetAsync("/api/v1/ops/dead-letters")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == id);
        Assert.Equal("DeadLetterProbe", dead.GetProperty("type").GetString());
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("probe handler is broken: t1", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // Dead: no sweep tries it again, however late.
        await SweepAsync(factory, now.AddDays(30));
        Assert.Equal(3, fault.Calls);

        // Only the system admin sees or retries dead letters.
        var center = new ApiClient(http, async () => await app.TokenAsync("center"), AppFixture.ClientAddress);
        (await center.GetAsync("/api/v1/ops/dead-letters")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await center.PostAsync($"/api/v1/ops/dead-letters/{id}/retry")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        // The page lists it with a 重试 button.
        var page = await PageAsync(http, "/ops/dead-letters");
        Assert.Contains("DeadLetterProbe", page, StringComparison.Ordinal);
        Assert.Contains("重试", page, StringComparison.Ordinal);

        // The fault is fixed; one retry delivers it once, and nothing delivers it again.
        fault.Broken = false;
        var retried = (await admin.PostAsync($"/api/v1/ops/dead-letters/{id}/retry")).Expect(HttpStatusCode.OK);
        Assert.True(retried.Json.GetProperty("delivered").GetBoolean(), retried.ToString());
        Assert.Equal(1, fault.Delivered);
        Assert.DoesNotContain((await admin.GetAsync("/api/v1/ops/dead-letters")).Expect(HttpStatusCode.OK).Json.EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
        await SweepAsync(factory, now.AddDays(31));
        (await admin.PostAsync($"/api/v1/ops/dead-letters/{id}/retry")).ExpectProblem(HttpStatusCode.NotFound, "common.not_found");
        Assert.Equal(1, fault.Delivered);
    }

    private static Task<int> SweepAsync(WebApplicationFactory<Program> factory, DateTime nowUtc) =>
        Jobs.RunOnceAsync<OutboxSweepJob>(factory.Services, nowUtc, CancellationToken.None);

    /// <summary>The page as the admin sees it after signing in with the form (cookie).</summary>
    private static async Task<string> PageAsync(HttpClient http, string path)
    {
        var login = await http.GetAsync("/account/login");
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "admin", ["Password"] = AppFixture.DemoPassword, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        post.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        var signedIn = await http.SendAsync(post);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        var auth = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Cookie", auth);
        get.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        var page = await http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
