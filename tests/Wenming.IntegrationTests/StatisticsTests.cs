using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The statistics (issue 12, API.md's stats rows): figures against a small dataset written in a fresh township,
/// China-date boundaries, reversals, the period before, rankings limited to the units under the unit asked, the
/// trend, scope (another township's numbers are 404), bad input (400 with Chinese field messages), the public
/// data screen's key, and the monthly report's files.
/// </summary>
public sealed class StatisticsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CountyCode = "339901";

    private ApiClient Center => app.As("center");

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Township(long Id, long VillageA, long VillageB);

    private async Task<Township> TownshipAsync()
    {
        var code = CountyCode + TestData.TownshipSegment();
        var township = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("统计镇"), divisionCode = code + "000" }))
            .Expect(HttpStatusCode.Created).Id;
        var a = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("甲村"), divisionCode = code + "001" })).Expect(HttpStatusCode.Created).Id;
        var b = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("乙村"), divisionCode = code + "002" })).Expect(HttpStatusCode.Created).Id;
        return new Township(township, a, b);
    }

    private async Task<long> VolunteerAsync(long unitId)
    {
        var birth = Today.AddYears(-30).AddDays(-(int)(DateTime.UtcNow.Ticks % 300));
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("统计"), idNumber = TestData.IdNumber(birth), phone = TestData.Phone(), orgUnitId = unitId }))
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

    private static decimal? Indicator(ApiResponse overview, string key, string field = "value")
    {
        var item = overview.Json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);
        return item.GetProperty(field).ValueKind == JsonValueKind.Null ? null : item.GetProperty(field).GetDecimal();
    }

    [DatabaseFact]
    public async Task Overview_Ranking_AndTrend_CountTheRowsOfTheSubtree_ByChinaDate_WithReversals()
    {
        var t = await TownshipAsync();
        var a1 = await VolunteerAsync(t.VillageA);
        var a2 = await VolunteerAsync(t.VillageA);
        var b1 = await VolunteerAsync(t.VillageB);
        (await Center.PostAsync("/api/v1/teams", new { orgUnitId = t.VillageA, name = TestData.Name("统计服务队"), category = "Convenience", leaderVolunteerId = a1 })).Expect(HttpStatusCode.Created);

        // March 2026 in China time: the 1st and the 31st count, the last of February and the 1st of April do not.
        await HoursAsync(a1, 3m, new DateOnly(2026, 3, 1));
        await HoursAsync(a2, 2.5m, new DateOnly(2026, 3, 31));
        await HoursAsync(b1, 4m, new DateOnly(2026, 4, 1));
        await HoursAsync(b1, 1m, new DateOnly(2026, 2, 28));
        // A wrong record reversed: counts once, as nothing.
        var wrong = await HoursAsync(a1, 5m, new DateOnly(2026, 3, 15));
        (await Center.PostAsync($"/api/v1/service-records/{wrong}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);

        var march = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={t.Id}&from=2026-03-01&to=2026-03-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(t.Id, march.Number("orgUnitId"));
        Assert.Equal("2026-03-01", march.Text("from"));
        Assert.Equal("2026-03-31", march.Text("to"));
        Assert.Equal(5.5m, march.Json.GetProperty("hours").GetDecimal());
        Assert.Equal(2, march.Json.GetProperty("volunteers").GetProperty("active").GetDecimal());
        // A whole month compares with the whole month before (环比): 1–28 February.
        Assert.Equal("2026-02-01", march.Text("previousFrom"));
        Assert.Equal("2026-02-28", march.Text("previousTo"));
        Assert.Equal(1m, Indicator(march, "hours", "previous"));
        foreach (var field in new[] { "teams", "hours", "goodsRedeemed" })
        {
            Assert.True(march.Json.TryGetProperty(field, out _), field);
        }

        Assert.True(march.Json.GetProperty("orders").TryGetProperty("onTimeRate", out _));
        Assert.True(march.Json.GetProperty("lights").TryGetProperty("red", out _));

        // Up to today: the volunteers registered and the team are stocks at the end of the window.
        var all = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={t.Id}&from=2026-03-01&to={D(Today)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(9.5m, all.Json.GetProperty("hours").GetDecimal());
        Assert.Equal(3, all.Json.GetProperty("volunteers").GetProperty("registered").GetDecimal());
        Assert.Equal(1, all.Json.GetProperty("teams").GetDecimal());
        var villageB = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={t.VillageB}&from=2026-03-01&to={D(Today)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(4m, villageB.Json.GetProperty("hours").GetDecimal());
        Assert.Equal(0, villageB.Json.GetProperty("teams").GetDecimal());

        // The ranking lists exactly the villages under the township, highest first.
        var ranking = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={t.Id}&level=Village&indicator=hours&from=2026-03-01&to=2026-03-31")).Expect(HttpStatusCode.OK);
        var rows = ranking.Json.EnumerateArray().ToList();
        Assert.Equal([t.VillageA, t.VillageB], rows.Select(r => r.GetProperty("orgUnitId").GetInt64()));
        Assert.Equal([5.5m, 0m], rows.Select(r => r.GetProperty("value").GetDecimal()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString())));

        // The county's township ranking holds the new township with its own total.
        var townships = (await Center.GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("county")}&level=Township&indicator=hours&from=2026-03-01&to=2026-03-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(5.5m, townships.Json.EnumerateArray().Single(r => r.GetProperty("orgUnitId").GetInt64() == t.Id).GetProperty("value").GetDecimal());
        Assert.DoesNotContain(townships.Json.EnumerateArray(), r => r.GetProperty("orgUnitId").GetInt64() == t.VillageA);

        var trend = (await Center.GetAsync($"/api/v1/stats/trend?orgUnitId={t.Id}&indicator=hours&months=36")).Expect(HttpStatusCode.OK);
        var months = trend.Json.EnumerateArray().ToDictionary(p => p.GetProperty("month").GetString()!, p => p.GetProperty("value").GetDecimal());
        Assert.Equal(36, months.Count);
        Assert.Equal(1m, months["2026-02"]);
        Assert.Equal(5.5m, months["2026-03"]);
        Assert.Equal(4m, months["2026-04"]);
        Assert.Equal(Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), trend.Json.EnumerateArray().Last().GetProperty("month").GetString());
    }

    [DatabaseFact]
    public async Task Scope_AnotherTownshipIsNotFound_RankingListsOnlyOwnVillages_AndResidentsAreForbidden()
    {
        (await app.As("town1").GetAsync($"/api/v1/stats/overview?orgUnitId={app.Demo.Unit("township2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("town1").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("county")}&indicator=hours")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("town1").GetAsync($"/api/v1/stats/trend?orgUnitId={app.Demo.Unit("township2")}&indicator=hours")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("village1").GetAsync($"/api/v1/stats/overview?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var own = (await app.As("town1").GetAsync($"/api/v1/stats/ranking?indicator=hours&from=2025-01-01&to={D(Today)}")).Expect(HttpStatusCode.OK);
        var ids = own.Json.EnumerateArray().Select(r => r.GetProperty("orgUnitId").GetInt64()).ToList();
        Assert.Contains(app.Demo.Unit("village1"), ids);
        Assert.DoesNotContain(app.Demo.Unit("village2"), ids);
        Assert.DoesNotContain(app.Demo.Unit("township2-other-village"), ids);

        // The township admin's total is the sum of its villages', and the county's is at least that.
        var town = (await app.As("town1").GetAsync($"/api/v1/stats/overview?from=2025-01-01&to={D(Today)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("township1"), town.Number("orgUnitId"));
        Assert.Equal(own.Json.EnumerateArray().Sum(r => r.GetProperty("value").GetDecimal()), town.Json.GetProperty("hours").GetDecimal());

        (await app.As("resident1").GetAsync("/api/v1/stats/overview")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("volunteer1").GetAsync("/api/v1/stats/trend?indicator=hours")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.Anonymous().GetAsync("/api/v1/stats/overview")).Expect(HttpStatusCode.Unauthorized);
        (await app.As("supervisor1").GetAsync("/api/v1/stats/overview")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task BadInput_Answers400WithChineseFieldMessages()
    {
        var badDate = (await Center.GetAsync("/api/v1/stats/overview?from=2026-13-01")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("yyyy-MM-dd", Assert.Single(badDate.FieldErrors("from")), StringComparison.Ordinal);
        var reversed = (await Center.GetAsync("/api/v1/stats/overview?from=2026-03-02&to=2026-03-01")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["结束日期不能早于开始日期。"], reversed.FieldErrors("to"));
        var noIndicator = (await Center.GetAsync("/api/v1/stats/ranking")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["请选择指标。"], noIndicator.FieldErrors("indicator"));
        var unknown = (await Center.GetAsync("/api/v1/stats/ranking?indicator=nope&level=Galaxy")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("没有这个指标", Assert.Single(unknown.FieldErrors("indicator")), StringComparison.Ordinal);
        Assert.Single(unknown.FieldErrors("level"));
        var months = (await Center.GetAsync("/api/v1/stats/trend?indicator=hours&months=0")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("月数", Assert.Single(months.FieldErrors("months")), StringComparison.Ordinal);
        (await Center.GetAsync("/api/v1/stats/report?format=doc")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
    }

    [DatabaseFact]
    public async Task PublicStats_NeedTheCountysKey_AnswerAggregatesOnly_AndARotatedKeyStopsWorking()
    {
        (await app.Anonymous().GetAsync("/api/v1/public/stats")).ExpectProblem(HttpStatusCode.Unauthorized, "stats.key_required");
        (await app.Anonymous().GetAsync("/api/v1/public/stats?key=guessed")).ExpectProblem(HttpStatusCode.Unauthorized, "stats.key_invalid");
        (await app.As("town1").GetAsync("/api/v1/stats/screen-key")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var key = (await Center.GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("key");
        Assert.Equal(key, (await Center.GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("key"));

        var open = (await app.Anonymous().GetAsync($"/api/v1/public/stats?key={Uri.EscapeDataString(key)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("county"), open.Number("orgUnitId"));
        var signedIn = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(signedIn.Json.GetProperty("volunteers").GetRawText(), open.Json.GetProperty("volunteers").GetRawText());
        Assert.Equal(signedIn.Json.GetProperty("hours").GetDecimal(), open.Json.GetProperty("hours").GetDecimal());
        // Aggregates only: numbers and unit names, no person of the county.
        Assert.DoesNotContain("personId", open.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("resident1", open.Body, StringComparison.Ordinal);

        var township = (await app.Anonymous().GetAsync($"/api/v1/public/stats?key={Uri.EscapeDataString(key)}&orgUnitId={app.Demo.Unit("township1")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("township1"), township.Number("orgUnitId"));
        (await app.Anonymous().GetAsync($"/api/v1/public/stats?key={Uri.EscapeDataString(key)}&orgUnitId={app.Demo.Unit("county2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var screen = await app.Http.GetAsync($"/stats/screen?key={Uri.EscapeDataString(key)}");
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        Assert.Contains("数据大屏", await screen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.GetAsync("/stats/screen?key=guessed")).StatusCode);

        var rotated = (await Center.PostAsync("/api/v1/stats/screen-key/rotate")).Expect(HttpStatusCode.OK).Text("key");
        Assert.NotEqual(key, rotated);
        (await app.Anonymous().GetAsync($"/api/v1/public/stats?key={Uri.EscapeDataString(key)}")).ExpectProblem(HttpStatusCode.Unauthorized, "stats.key_invalid");
        (await app.Anonymous().GetAsync($"/api/v1/public/stats?key={Uri.EscapeDataString(rotated)}")).Expect(HttpStatusCode.OK);
    }

    /// <summary>
    /// The system admin sits above every county, so the screen's county is named: the API asks for it (400 with a
    /// field message), the statistics page passes the county it shows, and offers no screen above the counties. A
    /// center admin cannot name another county's screen.
    /// </summary>
    [DatabaseFact]
    public async Task ScreenKey_ForASystemAdmin_IsTheNamedCountys_AndTheStatsPageLinksToIt()
    {
        var county = app.Demo.Unit("county");
        var missing = (await app.Admin.GetAsync("/api/v1/stats/screen-key")).ExpectProblem(HttpStatusCode.BadRequest, "stats.county_required");
        Assert.Equal(["请选择一个县（区）：数据大屏按县开设。"], missing.FieldErrors("countyId"));
        (await app.Admin.GetAsync($"/api/v1/stats/screen-key?countyId={app.Demo.Unit("township1")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        var named = (await app.Admin.GetAsync($"/api/v1/stats/screen-key?countyId={county}")).Expect(HttpStatusCode.OK);
        Assert.Equal(county, named.Number("countyId"));
        Assert.Equal(named.Text("key"), (await Center.GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("key"));
        (await Center.GetAsync($"/api/v1/stats/screen-key?countyId={app.Demo.Unit("county2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var admin = await app.SignInToPagesAsync("admin");
        var above = await admin.GetStringAsync("/stats");
        Assert.DoesNotContain("screen-link-page", above, StringComparison.Ordinal);
        var countyPage = await admin.GetStringAsync($"/stats?unit={county}");
        Assert.Contains($"href=\"/stats/screen-link?county={county}\"", countyPage, StringComparison.Ordinal);
        using var link = await admin.GetAsync($"/stats/screen-link?county={county}");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Contains(named.Text("screenPath").Replace("&", "&amp;", StringComparison.Ordinal), await link.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Rates read as percentages wherever the statistics show them, whichever module offers them: the reports' on-time
    /// rate showed as "0.60" beside the orders' "100.0 %" (the page knew only the orders' key). Average stars stay
    /// a number.
    /// </summary>
    [DatabaseFact]
    public async Task Rates_ShowAsPercentages_OnThePage_AndTheIndicatorsSaySo()
    {
        var indicators = (await app.As("town1").GetAsync("/api/v1/stats/indicators")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("percent").GetBoolean());
        Assert.True(indicators["onTimeRate"]);
        Assert.True(indicators["reportsOnTime"]);
        Assert.False(indicators["satisfaction"]);
        Assert.False(indicators["hours"]);

        var town = await app.SignInToPagesAsync("town1");
        var page = await town.GetStringAsync("/stats");
        foreach (var key in new[] { "onTimeRate", "reportsOnTime" })
        {
            var card = Regex.Match(page, $"data-testid=\"card-{key}\".*?<b>([^<]*)</b>\\s*<span class=\"st-change[^\"]*\">([^<]*)</span>", RegexOptions.Singleline);
            Assert.True(card.Success, key);
            Assert.Matches(@"^(\d{1,3}\.\d %|—)$", WebUtility.HtmlDecode(card.Groups[1].Value));
            Assert.Matches(@"^上期 (\d{1,3}\.\d %|—) · (—|[+-]\d+\.\d 个百分点)$", WebUtility.HtmlDecode(card.Groups[2].Value));
        }
    }

    [DatabaseFact]
    public async Task MonthlyReport_DownloadsAsExcelAndPdf_ForTheCallersSubtree()
    {
        var xlsx = await app.As("town1").GetAsync($"/api/v1/stats/report?from=2026-11-01&to=2026-11-30&format=xlsx");
        xlsx.Expect(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        var pdf = await app.As("town1").GetAsync($"/api/v1/stats/report?from=2026-11-01&to=2026-11-30&format=pdf");
        pdf.Expect(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.StartsWith("%PDF", pdf.Body, StringComparison.Ordinal);
        (await app.As("town1").GetAsync($"/api/v1/stats/report?orgUnitId={app.Demo.Unit("township2")}&format=pdf")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
    }
}
