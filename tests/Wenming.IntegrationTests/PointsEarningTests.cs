using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Earning;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The app once more over the fixture's database with <c>Events:DeliverInline=false</c>: its requests commit
/// their events and deliver nothing, as a node would that died between the commit and the delivery.
/// </summary>
public sealed class NoInlineDeliveryApp(AppFixture app) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _http;

    private HttpClient Http
    {
        get
        {
            if (_http is null)
            {
                _factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Events:DeliverInline", "false"));
                _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            }

            return _http;
        }
    }

    public ApiClient As(string login) => new(Http, async () => await _tokens.GetOrAdd(login, l => new Lazy<Task<string>>(async () =>
    {
        var signedIn = (await new ApiClient(Http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress)
            .PostAsync("/api/v1/auth/token", new { login = l, password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK);
        return signedIn.Text("accessToken");
    })).Value, AppFixture.ClientAddress);

    public void Dispose()
    {
        _http?.Dispose();
        _factory?.Dispose();
    }
}

/// <summary>
/// Automatic earning through the outbox (ADR 0014, RULES.md Points): confirmed hours, attendance, completed
/// orders and the organizer bonus are paid once per source however often the event is delivered, reversals
/// take the points back down to zero at most, and the ledger's invariant holds after every test.
/// </summary>
public sealed class PointsEarningTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(-1);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static int _slot;
    private readonly NoInlineDeliveryApp _noInline = new(app);
    private readonly ClockedApp _clocked = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await AssertLedgerInvariantAsync();
        _noInline.Dispose();
        _clocked.Dispose();
    }

    private async Task<(long VolunteerId, long PersonId)> VolunteerAsync(string unitKey = "village1")
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("积分"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return (id, personId);
    }

    private async Task<long> PersonOfAsync(string login) => (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");

    private static object Hours(decimal hours, string content = "政策宣讲") =>
        new { date = Yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place = "桃花村文化礼堂", content, hours };

    private static async Task<long> RecordAsync(ApiClient by, long volunteerId, decimal hours, string content = "政策宣讲") =>
        (await by.PostAsync($"/api/v1/volunteers/{volunteerId}/service-records", Hours(hours, content))).Expect(HttpStatusCode.Created).Id;

    private async Task<long> ConfirmedAsync(long volunteerId, decimal hours, string content = "政策宣讲", string by = "village1")
    {
        var id = await RecordAsync(app.As(by), volunteerId, hours, content);
        (await app.As(by).PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, IServiceProvider, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AllowEverything();
        sp.GetRequiredService<CurrentActor>().Operator("test");
        return await query(sp.GetRequiredService<AppDbContext>(), sp);
    }

    private Task<List<PointTransaction>> TransactionsAsync(long personId) =>
        DbAsync((db, _) => db.Set<PointTransaction>().IgnoreQueryFilters().AsNoTracking().Where(t => t.PersonId == personId).OrderBy(t => t.Id).ToListAsync());

    private Task<PointBalance> BalanceAsync(long personId) => DbAsync((_, sp) => sp.GetRequiredService<IPointsLedger>().BalanceUnscopedAsync(personId, CancellationToken.None));

    private Task<OutboxMessage> OutboxRowAsync(string type, string containing) =>
        DbAsync((db, _) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type && m.Payload.Contains(containing)).SingleAsync());

    private static string RecordMarker(long recordId) => $"\"recordId\":{recordId},";

    private Task<int> SweepAsync(DateTime nowUtc) => Jobs.RunOnceAsync<OutboxSweepJob>(app.Factory.Services, nowUtc, CancellationToken.None);

    private Task AssertLedgerInvariantAsync() => Ledger.AssertBooksBalanceAsync(app);

    [DatabaseFact]
    public async Task ConfirmingARecord_PaysItsHoursAtOnce_WithTheReason_RoundedDown()
    {
        var (volunteer, person) = await VolunteerAsync();
        var pending = await RecordAsync(app.As("village1"), volunteer, 2.5m);
        Assert.Equal(0, (await BalanceAsync(person)).Balance);

        (await app.As("village1").PostAsync($"/api/v1/service-records/{pending}/confirm")).Expect(HttpStatusCode.OK);

        var paid = Assert.Single(await TransactionsAsync(person));
        Assert.Equal((25, PointKind.ServiceHours, $"service-hours:{pending}"), (paid.Amount, paid.Kind, paid.SourceKey));
        Assert.Equal("志愿服务 2.5 小时：政策宣讲", paid.Reason);
        Assert.Equal("event:ServiceRecordConfirmed", paid.ByName);
        var row = await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(pending));
        Assert.NotNull(row.DeliveredAt);
        Assert.Equal(0, row.Attempts);

        // 20 minutes are 3.33 points: 3. A rejected record pays nothing.
        await ConfirmedAsync(volunteer, 0.33m, "整理图书");
        var rejected = await RecordAsync(app.As("village1"), volunteer, 5m);
        (await app.As("village1").PostAsync($"/api/v1/service-records/{rejected}/reject", new { reason = "未到岗" })).Expect(HttpStatusCode.OK);

        var balance = await BalanceAsync(person);
        Assert.Equal((28, 28), (balance.Balance, balance.Earned));
        Assert.Equal(["志愿服务 2.5 小时：政策宣讲", "志愿服务 0.33 小时：整理图书"], (await TransactionsAsync(person)).Select(t => t.Reason));
    }

    [DatabaseFact]
    public async Task TheSameEvent_DeliveredAgain_PaysOnce()
    {
        var (volunteer, person) = await VolunteerAsync();
        var record = await ConfirmedAsync(volunteer, 3m);
        var row = await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record));
        var evt = JsonSerializer.Deserialize<ServiceRecordConfirmed>(row.Payload, WebJson)!;
        Assert.Equal((record, person, 180), (evt.RecordId, evt.PersonId, evt.Minutes));

        // The handler run twice more by hand …
        for (var i = 0; i < 2; i++)
        {
            await DbAsync(async (_, sp) =>
            {
                await sp.GetRequiredService<ServiceHoursEarning>().HandleAsync(evt, CancellationToken.None);
                return 0;
            });
        }

        // … and the delivered outbox row made undelivered again and swept (a node that lost its "delivered" write).
        await DbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, (DateTime?)null)));
        Assert.True(await SweepAsync(DateTime.UtcNow.AddMinutes(5)) >= 1);

        Assert.NotNull((await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record))).DeliveredAt);
        var paid = Assert.Single(await TransactionsAsync(person));
        Assert.Equal(30, paid.Amount);
        Assert.Equal(30, (await BalanceAsync(person)).Balance);
    }

    [DatabaseFact]
    public async Task TheSweeper_DeliversWhatTheRequestDidNot()
    {
        var (volunteer, person) = await VolunteerAsync();
        var record = await RecordAsync(_noInline.As("village1"), volunteer, 4m);
        (await _noInline.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);

        // Committed with the confirmation, not delivered: no points yet.
        var row = await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record));
        Assert.Null(row.DeliveredAt);
        Assert.Empty(await TransactionsAsync(person));

        // A sweep right now leaves a row this young to the request that may be delivering it …
        await SweepAsync(DateTime.UtcNow);
        Assert.Empty(await TransactionsAsync(person));

        // … a later one delivers it.
        Assert.True(await SweepAsync(DateTime.UtcNow.AddMinutes(1)) >= 1);
        Assert.Equal(40, Assert.Single(await TransactionsAsync(person)).Amount);
        Assert.NotNull((await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record))).DeliveredAt);
    }

    [DatabaseFact]
    public async Task AFailingHandler_LeavesTheChangeCommitted_AndTheEventIsRetriedUntilItIsPaid()
    {
        var (volunteer, person) = await VolunteerAsync();
        var record = await RecordAsync(app.As("village1"), volunteer, 1m);

        // A trigger that fails this record's posting, standing in for any failure of the reaction (the database
        // restarting, a bug): the confirmation is committed anyway, and the event waits with its error.
        var key = $"service-hours:{record}";
        await ExecuteAsync(app.Provider == DatabaseProvider.Sqlite
            ? $"""CREATE TRIGGER wm_test_earning_fail BEFORE INSERT ON pts_transactions WHEN NEW."SourceKey" = '{key}' BEGIN SELECT RAISE(ABORT, 'test: posting failure'); END;"""
            : $"""
               CREATE OR REPLACE FUNCTION wm_test_earning_fail() RETURNS trigger AS $$ BEGIN
                 IF NEW."SourceKey" = '{key}' THEN RAISE EXCEPTION 'test: posting failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER wm_test_earning_fail BEFORE INSERT ON pts_transactions FOR EACH ROW EXECUTE FUNCTION wm_test_earning_fail();
               """);
        try
        {
            var confirmed = (await app.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);
            Assert.Equal("Confirmed", confirmed.Text("status"));
            await SweepAsync(DateTime.UtcNow.AddMinutes(1));
        }
        finally
        {
            await ExecuteAsync(app.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER wm_test_earning_fail;"
                : "DROP TRIGGER wm_test_earning_fail ON pts_transactions; DROP FUNCTION wm_test_earning_fail();");
        }

        var failed = await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record));
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("test: posting failure", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(await TransactionsAsync(person));
        Assert.Equal(0, (await BalanceAsync(person)).Balance);

        // The cause gone, the next sweep pays.
        await SweepAsync(DateTime.UtcNow.AddMinutes(2));
        Assert.Equal(10, Assert.Single(await TransactionsAsync(person)).Amount);
        Assert.NotNull((await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record))).DeliveredAt);
    }

    private Task<int> ExecuteAsync(string sql) => DbAsync((db, _) => db.Database.ExecuteSqlRawAsync(sql));

    [DatabaseFact]
    public async Task EightDeliveriesOfOneEventAtOnce_PayOnce()
    {
        var (volunteer, person) = await VolunteerAsync();
        var record = await RecordAsync(_noInline.As("village1"), volunteer, 6m);
        (await _noInline.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);
        var row = await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record));
        var delivery = app.Factory.Services.GetRequiredService<OutboxDelivery>();

        using var start = new ManualResetEventSlim();
        var deliveries = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await delivery.DeliverAsync([row.Id], DateTime.MaxValue, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(deliveries);

        Assert.All(results, r => Assert.Equal(0, r.Failed));
        var paid = Assert.Single(await TransactionsAsync(person));
        Assert.Equal(60, paid.Amount);
        Assert.Equal((60, 60), ((await BalanceAsync(person)).Balance, (await BalanceAsync(person)).Earned));
        Assert.NotNull((await OutboxRowAsync(nameof(ServiceRecordConfirmed), RecordMarker(record))).DeliveredAt);
    }

    [DatabaseFact]
    public async Task AReversal_TakesThePointsBack_ButNeverBelowZero()
    {
        var (volunteer, person) = await VolunteerAsync();
        var wrong = await ConfirmedAsync(volunteer, 3m);
        (await app.As("village1").PostAsync($"/api/v1/service-records/{wrong}/reverse", new { reason = "时长登记错误" })).Expect(HttpStatusCode.Created);

        var rows = await TransactionsAsync(person);
        Assert.Equal([30, -30], rows.Select(t => t.Amount));
        Assert.Equal((PointKind.Reversal, $"reversal:service-hours:{wrong}", rows[0].Id), (rows[1].Kind, rows[1].SourceKey, rows[1].ReversesTransactionId));
        Assert.Equal("服务记录更正，收回积分：政策宣讲（时长登记错误）", rows[1].Reason);
        Assert.Equal((0, 0), ((await BalanceAsync(person)).Balance, (await BalanceAsync(person)).Earned));

        // Most of the points spent meanwhile (a redemption through the ledger, as the market does): the
        // reversal takes what is left and the balance stops at zero.
        var spent = await ConfirmedAsync(volunteer, 5m);
        var redeemed = await DbAsync((_, sp) => sp.GetRequiredService<IPointsLedger>().PostAsync(
            new PointPosting(person, -45, PointKind.Redemption, $"test-redemption:{spent}", "兑换：洗衣液"), CancellationToken.None));
        Assert.Equal((PostingOutcome.Posted, 5), (redeemed.Outcome, redeemed.BalanceAfter));
        (await app.As("village1").PostAsync($"/api/v1/service-records/{spent}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);

        var last = (await TransactionsAsync(person))[^1];
        Assert.Equal((PointKind.Reversal, -5, 0), (last.Kind, last.Amount, last.BalanceAfter));
        Assert.Equal(0, (await BalanceAsync(person)).Balance);

        // Delivered again: nothing more is taken.
        var row = await OutboxRowAsync(nameof(ServiceRecordReversed), RecordMarker(spent));
        await DbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, (DateTime?)null)));
        await SweepAsync(DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(5, (await TransactionsAsync(person)).Count);
    }

    [DatabaseFact]
    public async Task FinishingAnActivity_PaysAttendance_AndEachConfirmedRecord_PaysItsTeamLeaderTheOrganizerBonus()
    {
        var team = await new OrderTestKit(app).TeamAsync("village1");
        var leaderPerson = (await app.Admin.GetAsync($"/api/v1/volunteers/{team.LeaderVolunteerId}")).Expect(HttpStatusCode.OK).Number("personId");
        var (attendee, attendeePerson) = await VolunteerAsync();
        var (absent, absentPerson) = await VolunteerAsync();
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(300 + Interlocked.Increment(ref _slot));
        var starts = new DateTimeOffset(day.AddHours(14), TimeSpan.FromHours(8));
        var title = TestData.Name("积分活动");
        var activity = (await app.As("village1").PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            teamId = team.Id,
            title,
            category = "ConvenienceService",
            place = "桃花村村委会",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 10,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/publish")).Expect(HttpStatusCode.OK);
        foreach (var v in new[] { attendee, absent, team.LeaderVolunteerId })
        {
            (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = v })).Expect(HttpStatusCode.Created);
        }

        _clocked.Set(starts.AddHours(2).AddMinutes(10));
        var organizer = _clocked.As("village1");
        foreach (var v in new[] { attendee, team.LeaderVolunteerId })
        {
            (await organizer.PostAsync($"/api/v1/activities/{activity}/check-ins", new { volunteerId = v, at = starts })).Expect(HttpStatusCode.OK);
            (await organizer.PostAsync($"/api/v1/activities/{activity}/check-outs", new { volunteerId = v, at = starts.AddHours(2) })).Expect(HttpStatusCode.OK);
        }

        (await organizer.PostAsync($"/api/v1/activities/{activity}/start")).Expect(HttpStatusCode.OK);
        (await organizer.PostAsync($"/api/v1/activities/{activity}/finish")).Expect(HttpStatusCode.OK);

        // Attendance pays at once, once per activity; the no-show gets nothing.
        var attended = Assert.Single(await TransactionsAsync(attendeePerson));
        Assert.Equal((2, PointKind.ActivityAttended, $"activity:{activity}:attended", $"参加活动：{title}"), (attended.Amount, attended.Kind, attended.SourceKey, attended.Reason));
        Assert.Equal(2, Assert.Single(await TransactionsAsync(leaderPerson)).Amount);
        Assert.Empty(await TransactionsAsync(absentPerson));

        // The hours pay when the records are confirmed: 2 h = 20 to the attendee, 20 % of it = 4 to the team leader;
        // the leader's own hours earn no bonus for themselves.
        var records = await DemoMap.AllItemsAsync(app.As("village1"), $"/api/v1/service-records?status=Pending&");
        foreach (var r in records.Where(r => r.GetProperty("source").GetProperty("kind").GetString() == "Activity" && r.GetProperty("source").GetProperty("id").GetInt64() == activity))
        {
            (await app.As("village1").PostAsync($"/api/v1/service-records/{r.GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);
        }

        Assert.Equal([2, 20], (await TransactionsAsync(attendeePerson)).Select(t => t.Amount));
        var leaderRows = await TransactionsAsync(leaderPerson);
        Assert.Equal(
            [(PointKind.ServiceHours, 20), (PointKind.ActivityAttended, 2), (PointKind.OrganizerBonus, 4)],
            leaderRows.Select(t => (t.Kind, t.Amount)).Order());
        Assert.Equal($"组织活动奖励：{title}", leaderRows.Single(t => t.Kind == PointKind.OrganizerBonus).Reason);
        Assert.Equal(26, (await BalanceAsync(leaderPerson)).Balance);

        // Reversing the attendee's record takes back their hours and the leader's bonus for them.
        var attendeeRecord = records.Single(r => r.GetProperty("volunteerId").GetInt64() == attendee).GetProperty("id").GetInt64();
        (await app.As("village1").PostAsync($"/api/v1/service-records/{attendeeRecord}/reverse", new { reason = "未实际参加" })).Expect(HttpStatusCode.Created);
        Assert.Equal([2, 20, -20], (await TransactionsAsync(attendeePerson)).Select(t => t.Amount));
        var bonusBack = (await TransactionsAsync(leaderPerson))[^1];
        Assert.Equal((PointKind.Reversal, -4, $"reversal:organizer:{attendeeRecord}"), (bonusBack.Kind, bonusBack.Amount, bonusBack.SourceKey));
        Assert.Equal(22, (await BalanceAsync(leaderPerson)).Balance);
    }

    [DatabaseFact]
    public async Task CompletingAnOrder_PaysEachServingVolunteer_OnTopOfTheirHours()
    {
        var kit = new OrderTestKit(app);
        var team = await kit.TeamAsync("village1");
        var persons = new List<long>();
        foreach (var v in new[] { team.LeaderVolunteerId, team.OtherMemberId })
        {
            persons.Add((await app.Admin.GetAsync($"/api/v1/volunteers/{v}")).Expect(HttpStatusCode.OK).Number("personId"));
        }

        var order = await kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{order}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);
        (await kit.Leader(team).PostAsync($"/api/v1/orders/{order}/accept", new { dueAt = DateTimeOffset.UtcNow.AddDays(2) })).Expect(HttpStatusCode.OK);
        var complete = new { summary = "上门理发两人次", servedBy = new[] { new { volunteerId = team.LeaderVolunteerId, hours = 2m }, new { volunteerId = team.OtherMemberId, hours = 1.5m } } };
        (await kit.Leader(team).PostAsync($"/api/v1/orders/{order}/complete", complete)).Expect(HttpStatusCode.OK);

        foreach (var person in persons)
        {
            var paid = Assert.Single(await TransactionsAsync(person));
            Assert.Equal((5, PointKind.OrderCompleted, $"order:{order}:completed"), (paid.Amount, paid.Kind, paid.SourceKey));
            Assert.StartsWith("完成点单服务：想请志愿者上门帮忙", paid.Reason, StringComparison.Ordinal);
        }

        foreach (var v in new[] { team.LeaderVolunteerId, team.OtherMemberId })
        {
            var record = Assert.Single(await kit.RecordsFromAsync(v, order)).GetProperty("id").GetInt64();
            (await app.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);
        }

        // Hours of an order pay no organizer bonus (it is not an activity).
        Assert.Equal([5, 20], (await TransactionsAsync(persons[0])).Select(t => t.Amount));
        Assert.Equal([5, 15], (await TransactionsAsync(persons[1])).Select(t => t.Amount));
    }

    [DatabaseFact]
    public async Task TheCountysRules_AndAUnitsOverride_SetTheAmounts()
    {
        var (inVillage1, person1) = await VolunteerAsync("village1");
        var (inVillage2, person2) = await VolunteerAsync("village2");
        var county = app.Demo.Unit("county");
        var village2 = app.Demo.Unit("village2");
        await DbAsync(async (db, _) =>
        {
            var countyRules = PointRuleSet.For(county, county);
            countyRules.SetEarning(12, null, null, null);
            countyRules.SetCountyOnly(null, null, null, unitsMayOverride: true);
            countyRules.Touch(null, DateTime.UtcNow);
            var villageRules = PointRuleSet.For(village2, county);
            villageRules.SetEarning(20, null, null, null);
            villageRules.Touch(null, DateTime.UtcNow);
            db.AddRange(countyRules, villageRules);
            return await db.SaveChangesAsync();
        });
        try
        {
            await ConfirmedAsync(inVillage1, 2m);
            await ConfirmedAsync(inVillage2, 2m, by: "village2");
        }
        finally
        {
            // The fixture's database is shared by this class's tests: the defaults come back for the others.
            await DbAsync((db, _) => db.Set<PointRuleSet>().IgnoreQueryFilters().Where(r => r.CountyId == county).ExecuteDeleteAsync());
        }

        Assert.Equal(24, Assert.Single(await TransactionsAsync(person1)).Amount);
        Assert.Equal(40, Assert.Single(await TransactionsAsync(person2)).Amount);
    }

    [DatabaseFact]
    public async Task TheDemoVolunteers_HaveEarnedTheirConfirmedHours()
    {
        var volunteer1 = await PersonOfAsync("volunteer1");
        var rows = await TransactionsAsync(volunteer1);

        // 14 Saturdays of 8 confirmed hours, 80 points each (and whatever the demo's activities added).
        Assert.Equal(14, rows.Count(t => t.Kind == PointKind.ServiceHours && t.Amount == 80));
        Assert.True((await BalanceAsync(volunteer1)).CreditStars >= 2);

        // volunteer2's 14 hours entered by mistake were paid and taken back.
        var volunteer2 = await TransactionsAsync(await PersonOfAsync("volunteer2"));
        var reversal = Assert.Single(volunteer2, t => t.Kind == PointKind.Reversal);
        Assert.Equal(-140, reversal.Amount);
        Assert.Equal(140, volunteer2.Single(t => t.Id == reversal.ReversesTransactionId).Amount);
    }
}
