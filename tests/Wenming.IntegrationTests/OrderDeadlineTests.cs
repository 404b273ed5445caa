using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Orders.Features.SweepDeadlines;

namespace Wenming.IntegrationTests;

/// <summary>A clock the test moves by hand: the deadline job sees "25 hours later" without waiting.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}

/// <summary>
/// RULES.md's time limits run by the deadline job on a fake clock: another app instance on the same
/// database, with the clock moved forward, runs the sweep; the fixture's own app (real clock) shows the
/// result the way a client sees it. Two such instances sweeping at once handle each order once.
/// </summary>
public sealed class OrderDeadlineTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly OrderTestKit _kit = new(app);

    /// <summary>Another host of the app on the fixture's database, whose clock is <paramref name="clock"/>; its jobs are off (Jobs:Enabled=false, as in every test host) so the test decides when to sweep.</summary>
    private WebApplicationFactory<Program> Instance(FakeClock clock) =>
        app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    private static async Task<SweepResult> SweepAsync(WebApplicationFactory<Program> instance)
    {
        using var scope = instance.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SweepDeadlinesHandler>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<long> DispatchedAsync(TestTeam team)
    {
        var id = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);
        return id;
    }

    [DatabaseFact]
    public async Task Deadlines_FlagOverdueSteps_ReturnUnacceptedDispatches_AndCloseUnratedOrders_OnceEach()
    {
        var team = await _kit.TeamAsync("village1");
        var waiting = await _kit.SubmittedAsync();
        var unaccepted = await DispatchedAsync(team);
        var accepted = await DispatchedAsync(team);
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{accepted}/accept", new { dueAt = DateTimeOffset.UtcNow.AddDays(2) })).Expect(HttpStatusCode.OK);
        var completed = await DispatchedAsync(team);
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{completed}/accept")).Expect(HttpStatusCode.OK);
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{completed}/complete", new { summary = "完成", servedBy = new[] { new { volunteerId = team.OtherMemberId, hours = 1m } } }))
            .Expect(HttpStatusCode.OK);
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var instance = Instance(clock);

        // A day and an hour later: the dispatch and accept limits (24 h) have passed, the others not.
        clock.Set(DateTimeOffset.UtcNow.AddHours(25));
        await SweepAsync(instance);

        var flagged = (await _kit.GetAsync(waiting)).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", flagged.Text("status"));
        Assert.True(flagged.Json.GetProperty("flagged").GetBoolean());
        Assert.Equal("FlagOverdue", OrderTestKit.History(flagged)[^1].GetProperty("action").GetString());
        var returned = (await _kit.GetAsync(unaccepted)).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", returned.Text("status"));
        Assert.True(returned.Json.GetProperty("flagged").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, returned.Json.GetProperty("teamId").ValueKind);
        Assert.Equal("ExpireAccept", OrderTestKit.History(returned)[^1].GetProperty("action").GetString());
        Assert.Equal("Accepted", await _kit.StatusAsync(accepted));
        Assert.Equal("Completed", await _kit.StatusAsync(completed));
        // Shown to the parent unit's admins: the township's board lists them as overdue, and they were told.
        var overdue = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/orders/board?overdue=true&");
        Assert.Contains(overdue, o => o.GetProperty("id").GetInt64() == waiting);
        Assert.Contains(overdue, o => o.GetProperty("id").GetInt64() == unaccepted);
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/notifications?"), n => n.GetProperty("title").GetString() == "点单超时，请督办");

        // A second sweep at the same moment finds nothing new to do for these orders.
        await SweepAsync(instance);
        Assert.Single(OrderTestKit.History((await _kit.GetAsync(waiting)).Expect(HttpStatusCode.OK)), h => h.GetProperty("action").GetString() == "FlagOverdue");

        // Eight days later: the accepted order is past its due date; the unrated one closes by itself.
        clock.Set(DateTimeOffset.UtcNow.AddDays(8));
        await SweepAsync(instance);
        var late = (await _kit.GetAsync(accepted)).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", late.Text("status"));
        Assert.True(late.Json.GetProperty("flagged").GetBoolean());
        Assert.Equal("FlagOverdue", OrderTestKit.History(late)[^1].GetProperty("action").GetString());
        var closed = (await _kit.GetAsync(completed)).Expect(HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Text("status"));
        Assert.Equal("AutoClose", OrderTestKit.History(closed)[^1].GetProperty("action").GetString());
        Assert.Null(OrderTestKit.History(closed)[^1].GetProperty("byUserId").GetString());

        // Closed is final: every action is refused and changes nothing.
        var before = (await _kit.GetAsync(completed)).Body;
        foreach (var action in new[] { "dispatch", "reassign", "escalate", "reject", "withdraw", "rate" })
        {
            var by = action is "withdraw" or "rate" ? "resident1" : "village1";
            (await app.As(by).PostAsync($"/api/v1/orders/{completed}/{action}", new { teamId = team.Id, reason = "理由", stars = 5 }))
                .ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
        }

        foreach (var action in new[] { "claim", "accept", "decline", "complete" })
        {
            (await _kit.Leader(team).PostAsync($"/api/v1/orders/{completed}/{action}", new { reason = "理由", summary = "完成", servedBy = new[] { new { volunteerId = team.OtherMemberId, hours = 1m } } }))
                .ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
        }

        Assert.Equal(before, (await _kit.GetAsync(completed)).Body);
    }

    [DatabaseFact]
    public async Task TwoInstancesSweepingAtOnce_HandleEachOrderExactlyOnce()
    {
        var team = await _kit.TeamAsync("village1");
        var orders = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            orders.Add(await DispatchedAsync(team));
        }

        var clock = new FakeClock(DateTimeOffset.UtcNow.AddHours(25));
        await using var first = Instance(clock);
        await using var second = Instance(clock);
        _ = first.Services;
        _ = second.Services;

        var results = await Task.WhenAll(SweepAsync(first), SweepAsync(second), SweepAsync(first), SweepAsync(second));

        foreach (var id in orders)
        {
            var order = (await _kit.GetAsync(id)).Expect(HttpStatusCode.OK);
            Assert.Equal("Submitted", order.Text("status"));
            Assert.Single(OrderTestKit.History(order), h => h.GetProperty("action").GetString() == "ExpireAccept");
        }

        Assert.True(results.Sum(r => r.ReturnedToDispatch) >= orders.Count);
        // Both instances got work done or skipped what the other had taken, never both.
        var audit = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/audit-entries?entityType=OrderHistory&");
        foreach (var id in orders)
        {
            Assert.Single(audit, e => e.GetProperty("changes").TryGetProperty("Action", out var a) && a.ToString() is "ExpireAccept" or "11"
                && e.GetProperty("changes").TryGetProperty("OrderId", out var o) && o.GetInt64() == id);
        }
    }

    [DatabaseFact]
    public async Task ACountysOwnLimits_ApplyToStepsStartedAfterTheChange()
    {
        var county = app.Demo.Unit("county");
        (await app.As("town1").PutAsync($"/api/v1/order-rules/{county}", new { dispatchHours = 2, acceptHours = 2, completeDays = 3, autoCloseDays = 3 }))
            .ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var bad = (await app.As("center").PutAsync($"/api/v1/order-rules/{county}", new { dispatchHours = 0, acceptHours = 2, completeDays = 3, autoCloseDays = 3 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("派单时限", bad.FieldErrors("dispatchHours")[0], StringComparison.Ordinal);
        Assert.True((await app.As("center").GetAsync($"/api/v1/order-rules/{county}")).Expect(HttpStatusCode.OK).Json.GetProperty("isDefault").GetBoolean());

        var team = await _kit.TeamAsync("village1");
        var before = await DispatchedAsync(team);
        (await app.As("center").PutAsync($"/api/v1/order-rules/{county}", new { dispatchHours = 24, acceptHours = 2, completeDays = 7, autoCloseDays = 7 })).Expect(HttpStatusCode.OK);
        try
        {
            var after = await DispatchedAsync(team);
            (await app.As("village1").GetAsync($"/api/v1/order-rules/{county}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
            Assert.Equal(2, (await app.As("center").GetAsync($"/api/v1/order-rules/{county}")).Expect(HttpStatusCode.OK).Json.GetProperty("acceptHours").GetInt32());
            var clock = new FakeClock(DateTimeOffset.UtcNow.AddHours(3));
            await using var instance = Instance(clock);
            await SweepAsync(instance);

            Assert.Equal("Submitted", await _kit.StatusAsync(after));
            Assert.Equal("Dispatched", await _kit.StatusAsync(before));
        }
        finally
        {
            (await app.As("center").PutAsync($"/api/v1/order-rules/{county}", new { dispatchHours = 24, acceptHours = 24, completeDays = 7, autoCloseDays = 7 })).Expect(HttpStatusCode.OK);
        }
    }
}
