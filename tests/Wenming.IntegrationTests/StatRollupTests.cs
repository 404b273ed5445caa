using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Modules.Statistics.Features.Rollups;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The statistics' roll-ups (issue 12, ADR 0061): a figure read right after a write, a second write on the same day,
/// a reversal, a village moved to another township (its hours follow it, the county's stay), and many flushes at once
/// (requests and job rounds) that count every write exactly once, the same as a rebuild from the raw rows. The figures
/// are of a fresh township in a month of 2025 that no other test writes.
/// </summary>
public sealed class StatRollupTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CountyCode = "339901";

    private ApiClient Center => app.As("center");

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Township(long Id, string Code, long VillageA, long VillageB);

    private async Task<Township> TownshipAsync()
    {
        var code = CountyCode + TestData.TownshipSegment();
        var township = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("汇总镇"), divisionCode = code + "000" }))
            .Expect(HttpStatusCode.Created).Id;
        var a = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("甲村"), divisionCode = code + "001" })).Expect(HttpStatusCode.Created).Id;
        var b = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("乙村"), divisionCode = code + "002" })).Expect(HttpStatusCode.Created).Id;
        return new Township(township, code, a, b);
    }

    private async Task<long> VolunteerAsync(long unitId)
    {
        var birth = new DateOnly(1990, 1, 1).AddDays((int)(DateTime.UtcNow.Ticks % 3000));
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("汇总"), idNumber = TestData.IdNumber(birth), phone = TestData.Phone(), orgUnitId = unitId }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> HoursAsync(long volunteerId, decimal hours, DateOnly date)
    {
        var id = (await Center.PostAsync($"/api/v1/volunteers/{volunteerId}/service-records", new { date = D(date), place = "村文化礼堂", content = "政策宣讲", hours }))
            .Expect(HttpStatusCode.Created).Id;
        (await Center.PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<decimal> HoursOfAsync(long unitId, string from, string to) =>
        (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={unitId}&from={from}&to={to}")).Expect(HttpStatusCode.OK).Json.GetProperty("hours").GetDecimal();

    [DatabaseFact]
    public async Task A_Write_Shows_AtOnce_InOverview_Ranking_AndTrend_AndFollowsAMovedVillage()
    {
        var t = await TownshipAsync();
        var a = await VolunteerAsync(t.VillageA);
        var day = new DateOnly(2025, 6, 10);

        var first = await HoursAsync(a, 2m, day);
        Assert.Equal(2m, await HoursOfAsync(t.Id, "2025-06-01", "2025-06-30"));

        // A second record on the same day and unit: the day is recounted, not added twice.
        await HoursAsync(a, 1.5m, day);
        Assert.Equal(3.5m, await HoursOfAsync(t.Id, "2025-06-01", "2025-06-30"));
        // A partial month reads day rows: the 10th alone, and a window ending the day before.
        Assert.Equal(3.5m, await HoursOfAsync(t.VillageA, "2025-06-10", "2025-06-10"));
        Assert.Equal(0m, await HoursOfAsync(t.VillageA, "2025-05-15", "2025-06-09"));

        // A reversal takes the first record out.
        (await Center.PostAsync($"/api/v1/service-records/{first}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);
        Assert.Equal(1.5m, await HoursOfAsync(t.Id, "2025-06-01", "2025-06-30"));

        var ranking = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={t.Id}&level=Village&indicator=hours&from=2025-06-01&to=2025-06-30")).Expect(HttpStatusCode.OK);
        Assert.Equal([(t.VillageA, 1.5m), (t.VillageB, 0m)], ranking.Json.EnumerateArray().Select(r => (r.GetProperty("orgUnitId").GetInt64(), r.GetProperty("value").GetDecimal())));
        var trend = (await Center.GetAsync($"/api/v1/stats/trend?orgUnitId={t.Id}&indicator=hours&months=36")).Expect(HttpStatusCode.OK);
        Assert.Equal(1.5m, trend.Json.EnumerateArray().Single(p => p.GetProperty("month").GetString() == "2025-06").GetProperty("value").GetDecimal());

        // The village moves to another township: its hours leave the old township's totals and join the new one's.
        var county = app.Demo.Unit("county");
        var countyBefore = await HoursOfAsync(county, "2025-06-01", "2025-06-30");
        var to = await TownshipAsync();
        (await Center.PostAsync($"/api/v1/org-units/{t.VillageA}/move", new { parentId = to.Id, divisionCode = to.Code + "009" })).Expect(HttpStatusCode.OK);
        Assert.Equal(0m, await HoursOfAsync(t.Id, "2025-06-01", "2025-06-30"));
        Assert.Equal(1.5m, await HoursOfAsync(to.Id, "2025-06-01", "2025-06-30"));
        Assert.Equal(countyBefore, await HoursOfAsync(county, "2025-06-01", "2025-06-30"));
    }

    [DatabaseFact]
    public async Task ManyFlushesAtOnce_CountEveryWriteOnce_AsARebuildDoes()
    {
        var t = await TownshipAsync();
        var volunteers = new[] { await VolunteerAsync(t.VillageA), await VolunteerAsync(t.VillageB) };
        var expected = 0m;
        for (var i = 0; i < 8; i++)
        {
            var hours = 0.5m + i;
            await HoursAsync(volunteers[i % 2], hours, new DateOnly(2025, 7, 1 + (i % 3)));
            expected += hours;
        }

        // The writes are dirty now; eight reads and four job rounds flush at once, each in its own transaction.
        var reads = Enumerable.Range(0, 8).Select(_ => HoursOfAsync(t.Id, "2025-07-01", "2025-07-31"));
        var rounds = Enumerable.Range(0, 4).Select(_ => Jobs.RunOnceAsync<StatRollupJob>(app.Factory.Services, DateTime.UtcNow, CancellationToken.None));
        var answers = await Task.WhenAll(reads);
        await Task.WhenAll(rounds);
        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.Equal(expected, await HoursOfAsync(t.Id, "2025-07-01", "2025-07-31"));
        var villages = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={t.Id}&level=Village&indicator=hours&from=2025-07-01&to=2025-07-03")).Expect(HttpStatusCode.OK)
            .Json.EnumerateArray().Sum(r => r.GetProperty("value").GetDecimal());
        Assert.Equal(expected, villages);

        // A rebuild from the raw rows holds the same figures.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            await scope.ServiceProvider.GetRequiredService<StatRollupStore>().RebuildAsync(CancellationToken.None);
        }

        Assert.Equal(expected, await HoursOfAsync(t.Id, "2025-07-01", "2025-07-31"));
    }

    private async Task<long> RecordAtAsync(long volunteerId, long unitId, DateOnly date, bool confirm = true)
    {
        // Service at another unit than the volunteer's comes from an activity or an order of that unit (IServiceRecords).
        long id;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            id = (await scope.ServiceProvider.GetRequiredService<IServiceRecords>()
                .RecordAsync(volunteerId, ServiceSource.Activity, Random.Shared.NextInt64(1L << 40, 1L << 50), date, "村文化礼堂", "政策宣讲", 1m, unitId, CancellationToken.None))!.Value;
        }

        if (confirm)
        {
            (await Center.PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
        }

        return id;
    }

    private async Task<(decimal Township, decimal A, decimal B)> ActiveOfAsync(Township t, string from, string to) =>
        (await ActiveOfAsync(t.Id, from, to), await ActiveOfAsync(t.VillageA, from, to), await ActiveOfAsync(t.VillageB, from, to));

    private async Task<decimal> ActiveOfAsync(long unitId, string from, string to) =>
        (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={unitId}&from={from}&to={to}")).Expect(HttpStatusCode.OK)
            .Json.GetProperty("volunteers").GetProperty("active").GetDecimal();

    /// <summary>
    /// Volunteers active, rolled up by each volunteer's first day of service in a month (ADR 0068): a volunteer of
    /// village A serving at villages A and B counts once, at A, for the township and the county; a record confirmed
    /// earlier in the month moves the first day (a window from the 1st to a day before it changes, the month does not);
    /// a pending record counts nowhere; a reversal leaves the volunteer active (the reversed record stays confirmed, as
    /// the per-request count has always had it). Windows from a month's first day are read from the roll-up, others are
    /// counted per request, and a rebuild from the raw rows holds the same figures.
    /// </summary>
    [DatabaseFact]
    public async Task VolunteersActive_CountsAVolunteerOnce_AtTheirOwnUnit_FromTheRollUp()
    {
        var t = await TownshipAsync();
        var a = await VolunteerAsync(t.VillageA);
        var b = await VolunteerAsync(t.VillageB);
        var county = app.Demo.Unit("county");
        async Task<(decimal Township, decimal A, decimal B, decimal County)> ActiveAsync(string from, string to) =>
            (await ActiveOfAsync(t.Id, from, to), await ActiveOfAsync(t.VillageA, from, to), await ActiveOfAsync(t.VillageB, from, to), await ActiveOfAsync(county, from, to));
        var countyBefore = await ActiveOfAsync(county, "2025-09-01", "2025-09-30");

        await RecordAtAsync(a, t.VillageA, new DateOnly(2025, 9, 20));
        var atB = await RecordAtAsync(a, t.VillageB, new DateOnly(2025, 9, 21));
        await RecordAtAsync(b, t.VillageB, new DateOnly(2025, 9, 2), confirm: false);
        Assert.Equal((1m, 1m, 0m, countyBefore + 1), await ActiveAsync("2025-09-01", "2025-09-30"));
        Assert.Equal((0m, 0m, 0m), await ActiveOfAsync(t, "2025-09-01", "2025-09-10"));
        Assert.Equal((1m, 1m, 0m), await ActiveOfAsync(t, "2025-09-21", "2025-09-21"));

        // An earlier record moves A's first day to the 5th; B serves at A's village and counts at B.
        await RecordAtAsync(a, t.VillageB, new DateOnly(2025, 9, 5));
        await RecordAtAsync(b, t.VillageA, new DateOnly(2025, 9, 8));
        Assert.Equal((1m, 1m, 0m), await ActiveOfAsync(t, "2025-09-01", "2025-09-06"));
        Assert.Equal((2m, 1m, 1m), await ActiveOfAsync(t, "2025-09-01", "2025-09-10"));
        Assert.Equal((2m, 1m, 1m, countyBefore + 2), await ActiveAsync("2025-09-01", "2025-09-30"));
        Assert.Equal((2m, 1m, 1m), await ActiveOfAsync(t, "2025-08-15", "2025-10-15"));

        // A reversal takes the hours out, not the volunteer (the reversed record stays confirmed).
        (await Center.PostAsync($"/api/v1/service-records/{atB}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);
        Assert.Equal((2m, 1m, 1m, countyBefore + 2), await ActiveAsync("2025-09-01", "2025-09-30"));

        var ranking = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={t.Id}&level=Village&indicator=volunteersActive&from=2025-09-01&to=2025-09-30")).Expect(HttpStatusCode.OK);
        Assert.Equal([(t.VillageA, 1m), (t.VillageB, 1m)], ranking.Json.EnumerateArray().Select(r => (r.GetProperty("orgUnitId").GetInt64(), r.GetProperty("value").GetDecimal())));
        var trend = (await Center.GetAsync($"/api/v1/stats/trend?orgUnitId={t.Id}&indicator=volunteersActive&months=36")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .ToDictionary(p => p.GetProperty("month").GetString()!, p => p.GetProperty("value").GetDecimal());
        Assert.Equal((0m, 2m, 0m), (trend["2025-08"], trend["2025-09"], trend["2025-10"]));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            await scope.ServiceProvider.GetRequiredService<StatRollupStore>().RebuildAsync(CancellationToken.None);
        }

        Assert.Equal((1m, 1m, 0m), await ActiveOfAsync(t, "2025-09-01", "2025-09-06"));
        Assert.Equal((2m, 1m, 1m, countyBefore + 2), await ActiveAsync("2025-09-01", "2025-09-30"));
    }

    /// <summary>
    /// The stocks (ADR 0066): a volunteer approved and a team made today count in every window that ends today or
    /// later and in none that ends before (the previous period, a ranking, a trend); a rejected registration never
    /// counts. A donation dated in the past counts for the balance from that day on; its reversal (dated today) takes
    /// the donations of today's windows and the balance from today on back down, and leaves the windows before alone.
    /// </summary>
    [DatabaseFact]
    public async Task Stocks_CountFromTheirDay_InEveryWindowEndingOnOrAfterIt()
    {
        var t = await TownshipAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        async Task<(decimal Registered, decimal Teams, decimal Donations, decimal Balance, decimal PreviousRegistered)> OverviewAsync(long unit, DateOnly from, DateOnly to)
        {
            var json = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={unit}&from={D(from)}&to={D(to)}")).Expect(HttpStatusCode.OK).Json;
            decimal Indicator(string key, string field = "value") =>
                json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key).GetProperty(field).GetDecimal();
            return (json.GetProperty("volunteers").GetProperty("registered").GetDecimal(), json.GetProperty("teams").GetDecimal(),
                Indicator("fundDonations"), Indicator("fundBalance"), Indicator("volunteersRegistered", "previous"));
        }

        Assert.Equal((0m, 0m, 0m, 0m, 0m), await OverviewAsync(t.Id, month, today));

        var leader = await VolunteerAsync(t.VillageA);
        (await Center.PostAsync("/api/v1/teams", new { orgUnitId = t.VillageA, name = TestData.Name("存量服务队"), category = "Convenience", leaderVolunteerId = leader })).Expect(HttpStatusCode.Created);
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("存量"), idNumber = TestData.IdNumber(new DateOnly(1991, 3, 4)), phone = TestData.Phone(), orgUnitId = t.VillageB }))
            .Expect(HttpStatusCode.Created).Id;
        var rejected = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{rejected}/reject", new { reason = "资料不全" })).Expect(HttpStatusCode.OK);

        // Today and every window ending today or later count them, whatever its start; the period before does not.
        Assert.Equal((1m, 1m, 0m, 0m, 0m), await OverviewAsync(t.Id, today, today));
        Assert.Equal((1m, 1m, 0m, 0m, 0m), await OverviewAsync(t.Id, today.AddYears(-2), today));
        Assert.Equal((1m, 1m, 0m, 0m, 0m), await OverviewAsync(t.VillageA, month, month.AddMonths(1).AddDays(-1)));
        Assert.Equal((0m, 0m, 0m, 0m, 0m), await OverviewAsync(t.Id, today.AddYears(-1), today.AddDays(-1)));
        Assert.Equal((0m, 0m, 0m, 0m, 0m), await OverviewAsync(t.VillageB, month, today));
        var ranking = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={t.Id}&level=Village&indicator=volunteersRegistered&from={D(month)}&to={D(today)}")).Expect(HttpStatusCode.OK);
        Assert.Equal([(t.VillageA, 1m), (t.VillageB, 0m)], ranking.Json.EnumerateArray().Select(r => (r.GetProperty("orgUnitId").GetInt64(), r.GetProperty("value").GetDecimal())));
        var trend = (await Center.GetAsync($"/api/v1/stats/trend?orgUnitId={t.Id}&indicator=teams&months=3")).Expect(HttpStatusCode.OK)
            .Json.EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()).ToList();
        Assert.Equal([0m, 0m, 1m], trend);

        // A donation received 40 days ago: the balance holds it from that day on; the window before it does not.
        var received = today.AddDays(-40);
        var donation = (await Center.PostAsync("/api/v1/fund/donations", new
        {
            orgUnitId = t.Id,
            donorName = "存量测试企业",
            anonymous = false,
            amountFen = 123_456L,
            channel = "Bank",
            receivedOn = D(received),
            receiptNumber = FundTestKit.Receipt(),
        })).Expect(HttpStatusCode.Created).Id;
        Assert.Equal((1m, 1m, 1234.56m, 1234.56m, 0m), await OverviewAsync(t.Id, received, today));
        Assert.Equal((1m, 1m, 0m, 1234.56m, 0m), await OverviewAsync(t.Id, today, today));
        Assert.Equal((0m, 0m, 1234.56m, 1234.56m, 0m), await OverviewAsync(t.Id, received, received));
        Assert.Equal((0m, 0m, 0m, 0m, 0m), await OverviewAsync(t.Id, received.AddDays(-30), received.AddDays(-1)));

        // Its reversal is dated today: today's windows lose it, the days before keep the balance they had.
        (await Center.PostAsync($"/api/v1/fund/donations/{donation}/reverse", new { reason = "录入错误" })).Expect(HttpStatusCode.Created);
        Assert.Equal((1m, 1m, 0m, 0m, 0m), await OverviewAsync(t.Id, received, today));
        Assert.Equal((1m, 1m, -1234.56m, 0m, 0m), await OverviewAsync(t.Id, today, today));
        Assert.Equal((0m, 0m, 1234.56m, 1234.56m, 0m), await OverviewAsync(t.Id, received, today.AddDays(-1)));
        var balance = (await Center.GetAsync($"/api/v1/stats/trend?orgUnitId={t.Id}&indicator=fundBalance&months=1")).Expect(HttpStatusCode.OK)
            .Json.EnumerateArray().Single().GetProperty("value").GetDecimal();
        Assert.Equal(0m, balance);
    }

    /// <summary>
    /// The one-pass rebuild (ADR 0064) over the demo county's year of hours, activities, orders, ledger, redemptions,
    /// volunteers, teams and fund: every rolled-up figure the overview shows afterwards, for a year and for a window that
    /// cuts months, equals what the key's source computes from the raw rows for that window (a stock: up to the window's
    /// end; a final part of the lights: the whole light, rolled-up part and the rest counted now).
    /// </summary>
    [DatabaseFact]
    public async Task ARebuild_ShowsEachSourcesOwnFigure_ForEveryRolledUpKey()
    {
        var county = app.Demo.Unit("county");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        // The third window is a whole month: volunteers active (ADR 0068) is read from the roll-up only for a window from
        // a month's first day within that month.
        var wholeMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var windows = new[] { (today.AddYears(-1), today), (today.AddMonths(-7).AddDays(-9), today.AddMonths(-2).AddDays(5)), (wholeMonth, wholeMonth.AddMonths(1).AddDays(-1)) };
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
        var store = scope.ServiceProvider.GetRequiredService<StatRollupStore>();
        await store.RebuildAsync(CancellationToken.None);
        var unitIds = (await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().UnitIdsUnderAsync(county))!;
        var checkedNonZero = 0;
        foreach (var (from, to) in windows)
        {
            var shown = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={county}&from={D(from)}&to={D(to)}")).Expect(HttpStatusCode.OK)
                .Json.GetProperty("indicators").EnumerateArray()
                .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Null ? (decimal?)null : i.GetProperty("value").GetDecimal());
            foreach (var (key, (source, spec)) in store.Keys)
            {
                decimal? expected;
                if (spec.PartOf is { } indicator)
                {
                    // A final part (the completed orders' lights, ADR 0066): the indicator shown, its roll-up plus the rest
                    // counted now, is what the source counts whole from the rows.
                    expected = (await source.ComputeAsync(indicator, unitIds, new IndicatorWindow(from, to, DateTime.UtcNow), CancellationToken.None)).Sum(f => f.Value);
                }
                else
                {
                    // A stock adds its day flows up from the beginning to the window's end (ADR 0066).
                    var since = spec.Cumulative ? new DateOnly(StatRollupStore.FirstYear, 1, 1) : from;
                    var figures = await source.ComputeWholeAsync(key, unitIds, new IndicatorWindow(since, to, DateTime.UtcNow), CancellationToken.None);
                    var aggregate = source.Indicators.Single(i => i.Key == key).Aggregate;
                    expected = store.Finish(key, aggregate, ((long)figures.Sum(f => f.Value), (long)figures.Sum(f => f.Weight)));
                    if (spec.Cumulative)
                    {
                        // …and that is the stock the source counts per request.
                        var stock = StatisticsQueries.Total(await source.ComputeAsync(key, unitIds, new IndicatorWindow(from, to, DateTime.UtcNow), CancellationToken.None), aggregate);
                        Assert.True(stock == expected, $"{key} {D(from)}..{D(to)}: the flows add up to {expected}, the stock is {stock}");
                    }
                }

                Assert.True(expected == shown[spec.Indicator], $"{key} {D(from)}..{D(to)}: the source counts {expected}, the overview shows {shown[spec.Indicator]}");
                checkedNonZero += expected is > 0 ? 1 : 0;
            }
        }

        // The demo county's year holds rows of most keys: the comparison is not one of zeros.
        Assert.True(checkedNonZero >= 12, $"only {checkedNonZero} non-zero figures compared");
    }
}
