using System.Globalization;
using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The map of sites (issue 12, ADR 0051): every unit's value and light agree with that unit's own overview, units
/// without coordinates are listed apart, the townships get outlines, a township admin sees only its own subtree (another
/// township is 404 like the overview), bad input is 400 with Chinese field messages, and the page draws from the same data.
/// </summary>
public sealed partial class StatisticsMapTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CountyCode = "339901";

    private ApiClient Center => app.As("center");

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal? Decimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    private static List<JsonElement> All(ApiResponse map) =>
        [.. map.Json.GetProperty("units").EnumerateArray(), .. map.Json.GetProperty("unplaced").EnumerateArray()];

    private static decimal? Indicator(ApiResponse overview, string key) =>
        Decimal(overview.Json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key).GetProperty("value"));

    [DatabaseFact]
    public async Task EveryUnitsValueAndLights_AgreeWithItsOverview_AcrossTheDemoCounty()
    {
        var (from, to) = (D(Today.AddMonths(-12)), D(Today));
        foreach (var indicator in new[] { "hours", "satisfaction" })
        {
            var map = (await Center.GetAsync($"/api/v1/stats/map?from={from}&to={to}&indicator={indicator}")).Expect(HttpStatusCode.OK);
            Assert.Equal(app.Demo.Unit("county"), map.Number("orgUnitId"));
            Assert.Equal(indicator, map.Text("indicator"));
            var units = All(map);
            Assert.Contains(units, u => u.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1"));
            Assert.Contains(units, u => u.GetProperty("level").GetString() == "Point");
            foreach (var unit in units.Where(u => u.GetProperty("level").GetString() is "County" or "Township" || u.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1")))
            {
                var id = unit.GetProperty("orgUnitId").GetInt64();
                var overview = (await Center.GetAsync($"/api/v1/stats/overview?orgUnitId={id}&from={from}&to={to}")).Expect(HttpStatusCode.OK);
                Assert.Equal(Indicator(overview, indicator), Decimal(unit.GetProperty("value")));
                var lights = overview.Json.GetProperty("lights");
                foreach (var light in new[] { "green", "blue", "yellow", "red" })
                {
                    Assert.Equal(lights.GetProperty(light).GetDecimal(), unit.GetProperty("lights").GetProperty(light).GetDecimal());
                }

                var worst = new[] { "red", "yellow", "blue", "green" }.FirstOrDefault(l => lights.GetProperty(l).GetDecimal() > 0) ?? "none";
                Assert.Equal(worst, unit.GetProperty("light").GetString());
            }
        }
    }

    [DatabaseFact]
    public async Task UnitsWithoutCoordinates_AreListedApart_AndTownshipsWithThreeSitesGetAnOutline()
    {
        var code = CountyCode + TestData.TownshipSegment();
        var township = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("地图镇"), divisionCode = code + "000", latitude = 29.50, longitude = 119.10 }))
            .Expect(HttpStatusCode.Created).Id;
        var placed = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("有位村"), divisionCode = code + "001", latitude = 29.52, longitude = 119.12 }))
            .Expect(HttpStatusCode.Created).Id;
        var unplaced = (await Center.PostAsync("/api/v1/org-units", new { parentId = township, level = "Village", name = TestData.Name("无位村"), divisionCode = code + "002" }))
            .Expect(HttpStatusCode.Created).Id;

        var map = (await Center.GetAsync($"/api/v1/stats/map?orgUnitId={township}")).Expect(HttpStatusCode.OK);
        Assert.Equal("hours", map.Text("indicator"));
        Assert.False(string.IsNullOrEmpty(map.Text("indicatorLabel")));
        var onMap = map.Json.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal([township, placed], onMap.Select(u => u.GetProperty("orgUnitId").GetInt64()));
        Assert.Equal(29.52, onMap[1].GetProperty("latitude").GetDouble());
        Assert.Equal(119.12, onMap[1].GetProperty("longitude").GetDouble());
        var apart = Assert.Single(map.Json.GetProperty("unplaced").EnumerateArray());
        Assert.Equal(unplaced, apart.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(JsonValueKind.Null, apart.GetProperty("latitude").ValueKind);
        Assert.Equal(0m, apart.GetProperty("value").GetDecimal());
        Assert.Equal("none", apart.GetProperty("light").GetString());
        // Two sites are no area: no outline.
        Assert.Empty(map.Json.GetProperty("outlines").EnumerateArray());

        // The demo townships have their institutes, stations and points placed: each gets an outline around them all.
        var county = (await Center.GetAsync("/api/v1/stats/map")).Expect(HttpStatusCode.OK);
        var outlines = county.Json.GetProperty("outlines").EnumerateArray().ToDictionary(o => o.GetProperty("orgUnitId").GetInt64());
        foreach (var demo in new[] { "township1", "township2" })
        {
            var outline = outlines[app.Demo.Unit(demo)].GetProperty("outline").EnumerateArray().ToList();
            Assert.True(outline.Count >= 3);
            Assert.All(outline, p => Assert.InRange(p[0].GetDouble(), 29.4, 29.8));
        }

        Assert.DoesNotContain(township, outlines.Keys);
        Assert.DoesNotContain(All(county), u => u.GetProperty("level").GetString() == "City");
    }

    [DatabaseFact]
    public async Task Scope_ATownshipAdminSeesItsSubtreeOnly_AnotherTownshipIsNotFound_AndResidentsAreForbidden()
    {
        (await app.As("town1").GetAsync($"/api/v1/stats/map?orgUnitId={app.Demo.Unit("township2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("town1").GetAsync($"/api/v1/stats/map?orgUnitId={app.Demo.Unit("county")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("village1").GetAsync($"/api/v1/stats/map?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var own = (await app.As("town1").GetAsync("/api/v1/stats/map?indicator=activities")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("township1"), own.Number("orgUnitId"));
        var ids = All(own).Select(u => u.GetProperty("orgUnitId").GetInt64()).ToList();
        Assert.Contains(app.Demo.Unit("township1"), ids);
        Assert.Contains(app.Demo.Unit("village1"), ids);
        Assert.DoesNotContain(app.Demo.Unit("county"), ids);
        Assert.DoesNotContain(app.Demo.Unit("township2"), ids);
        Assert.DoesNotContain(app.Demo.Unit("village2"), ids);
        Assert.DoesNotContain(app.Demo.Unit("township2-other-village"), ids);
        Assert.All(own.Json.GetProperty("outlines").EnumerateArray(), o => Assert.Equal(app.Demo.Unit("township1"), o.GetProperty("orgUnitId").GetInt64()));

        (await app.As("resident1").GetAsync("/api/v1/stats/map")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("volunteer1").GetAsync("/api/v1/stats/map")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.Anonymous().GetAsync("/api/v1/stats/map")).Expect(HttpStatusCode.Unauthorized);
        (await app.As("supervisor1").GetAsync("/api/v1/stats/map")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task BadInput_Answers400WithChineseFieldMessages()
    {
        var unknown = (await Center.GetAsync("/api/v1/stats/map?indicator=nope")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("没有这个指标", Assert.Single(unknown.FieldErrors("indicator")), StringComparison.Ordinal);
        var badDate = (await Center.GetAsync("/api/v1/stats/map?from=2026-02-30")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("yyyy-MM-dd", Assert.Single(badDate.FieldErrors("from")), StringComparison.Ordinal);
        var reversed = (await Center.GetAsync("/api/v1/stats/map?from=2026-03-02&to=2026-03-01")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["结束日期不能早于开始日期。"], reversed.FieldErrors("to"));
    }

    [DatabaseFact]
    public async Task Page_DrawsTheSameSites_ListsThemInATable_AndStaysOnItsOwnHostWithoutATileServer()
    {
        using var center = await SignInAsync("center");
        using var page = await center.GetAsync("/stats/map?indicator=hours&by=light");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("/lib/leaflet/leaflet.js", html, StringComparison.Ordinal);
        Assert.Contains("st-map-plain", html, StringComparison.Ordinal);
        Assert.Contains($"data-unit=\"{app.Demo.Unit("village1")}\"", html, StringComparison.Ordinal);
        Assert.Contains("红灯", html, StringComparison.Ordinal);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data:;", csp, StringComparison.Ordinal);

        using var leaflet = await center.GetAsync("/lib/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);

        // A bad indicator re-shows the page with the message; another township's map is the not-found page.
        using var bad = await center.GetAsync("/stats/map?indicator=nope");
        Assert.Contains("没有这个指标", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var town1 = await SignInAsync("town1");
        using var outside = await town1.GetAsync($"/stats/map?unit={app.Demo.Unit("township2")}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        using var resident = await SignInAsync("resident1");
        using var forbidden = await resident.GetAsync("/stats/map");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    private Task<HttpClient> SignInAsync(string login) => app.SignInToPagesAsync(login);
}
