using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features.Rollups;
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

    /// <summary>
    /// The one-pass rebuild (ADR 0064) over the demo county's year of hours, activities, orders, ledger and
    /// redemptions: every rolled-up figure the overview shows afterwards, for a year and for a window that cuts
    /// months, equals what the key's source computes from the raw rows for that window.
    /// </summary>
    [DatabaseFact]
    public async Task ARebuild_ShowsEachSourcesOwnFigure_ForEveryRolledUpKey()
    {
        var county = app.Demo.Unit("county");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var windows = new[] { (today.AddYears(-1), today), (today.AddMonths(-7).AddDays(-9), today.AddMonths(-2).AddDays(5)) };
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
            foreach (var (key, (source, _)) in store.Keys)
            {
                var figures = await source.ComputeWholeAsync(key, unitIds, new IndicatorWindow(from, to, DateTime.UtcNow), CancellationToken.None);
                var aggregate = source.Indicators.Single(i => i.Key == key).Aggregate;
                var expected = store.Finish(key, aggregate, ((long)figures.Sum(f => f.Value), (long)figures.Sum(f => f.Weight)));
                Assert.True(expected == shown[key], $"{key} {D(from)}..{D(to)}: the source counts {expected}, the overview shows {shown[key]}");
                checkedNonZero += expected is > 0 ? 1 : 0;
            }
        }

        // The demo county's year holds rows of most keys: the comparison is not one of zeros.
        Assert.True(checkedNonZero >= 8, $"only {checkedNonZero} non-zero figures compared");
    }
}
