using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The practice calendar (issue 17) through HTTP: several years computed, the county's dates with their responsible
/// units (and a festival given one), a unit's own filter, the county as the boundary, and 400s in Chinese.
/// </summary>
public sealed class CalendarTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static List<JsonElement> Days(ApiResponse answer) => [.. answer.Json.EnumerateArray()];

    private static DateOnly DateOf(JsonElement day) => DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [DatabaseFact]
    public async Task SeveralYears_CarryTheFestivalsOnTheirSolarDates()
    {
        (int Year, DateOnly Spring, DateOnly MidAutumn)[] years =
        [
            (2024, new(2024, 2, 10), new(2024, 9, 17)),
            (2025, new(2025, 1, 29), new(2025, 10, 6)),
            (2026, new(2026, 2, 17), new(2026, 9, 25)),
            (2027, new(2027, 2, 6), new(2027, 9, 15)),
        ];
        foreach (var (year, spring, midAutumn) in years)
        {
            var days = Days((await app.As("volunteer1").GetAsync($"/api/v1/calendar/{year}")).Expect(HttpStatusCode.OK)).ToList();

            Assert.Equal(7, days.Count(d => d.GetProperty("kind").GetString() == "Festival"));
            Assert.Equal(8, days.Count(d => d.GetProperty("kind").GetString() == "ThemeDay"));
            Assert.Equal(spring, DateOf(days.Single(d => d.GetProperty("name").GetString() == "春节")));
            Assert.Equal(midAutumn, DateOf(days.Single(d => d.GetProperty("name").GetString() == "中秋节")));
            Assert.Equal(new DateOnly(year, 12, 5), DateOf(days.Single(d => d.GetProperty("name").GetString() == "国际志愿者日")));
            Assert.Equal(days.Select(DateOf).Order(), days.Select(DateOf));
        }

        var refused = (await app.As("volunteer1").GetAsync("/api/v1/calendar/1800")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("1901", Assert.Single(refused.FieldErrors("year")), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task TheCenter_AddsDatesWithResponsibleUnits_AndEachUnitFiltersToItsOwn()
    {
        const int Year = 2031;
        var village1 = app.Demo.Unit("village1");
        var name = TestData.Name("乡村文化节");
        var added = (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = village1, date = $"{Year}-09-20", name, note = "文艺汇演" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("County", added.Text("kind"));
        (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = village1, date = $"{Year}-09-20", name })).ExpectProblem(HttpStatusCode.Conflict, "calendar_date.duplicate");

        // Named like a festival on its date, a date gives that festival its responsible unit instead of a second line.
        var township = app.Demo.Unit("township1");
        var dragonBoat = DateOf(Days((await app.As("center").GetAsync($"/api/v1/calendar/{Year}")).Expect(HttpStatusCode.OK)).Single(d => d.GetProperty("name").GetString() == "端午节"));
        (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = township, date = dragonBoat.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), name = "端午节" }))
            .Expect(HttpStatusCode.Created);

        var all = Days((await app.As("village1").GetAsync($"/api/v1/calendar/{Year}")).Expect(HttpStatusCode.OK)).ToList();
        Assert.Equal(village1, all.Single(d => d.GetProperty("name").GetString() == name).GetProperty("responsibleOrgUnitId").GetInt64());
        var festival = Assert.Single(all, d => d.GetProperty("name").GetString() == "端午节");
        Assert.Equal(township, festival.GetProperty("responsibleOrgUnitId").GetInt64());
        Assert.Equal("Festival", festival.GetProperty("kind").GetString());

        var village1Own = Days((await app.As("village1").GetAsync($"/api/v1/calendar/{Year}?mine=true")).Expect(HttpStatusCode.OK)).ToList();
        Assert.Contains(village1Own, d => d.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(village1Own, d => d.GetProperty("name").GetString() == "端午节");
        Assert.DoesNotContain(Days((await app.As("village2").GetAsync($"/api/v1/calendar/{Year}?mine=true")).Expect(HttpStatusCode.OK)), d => d.GetProperty("name").GetString() == name);
        Assert.Contains(Days((await app.As("town1").GetAsync($"/api/v1/calendar/{Year}?mine=true")).Expect(HttpStatusCode.OK)), d => d.GetProperty("name").GetString() == "端午节");

        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=CountyDate&entityId={added.Number("countyDateId")}&pageSize=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, audit.Total);
    }

    [DatabaseFact]
    public async Task OnlyTheCenterAddsDates_WithinItsCounty_AndBadInputIs400InChinese()
    {
        const int Year = 2032;
        (await app.As("village1").PostAsync("/api/v1/calendar/dates", new { orgUnitId = app.Demo.Unit("village1"), date = $"{Year}-05-01", name = "村里的日子" })).Expect(HttpStatusCode.Forbidden);
        (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = app.Demo.Unit("county2"), date = $"{Year}-05-01", name = "别县的日子" })).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var refused = (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = app.Demo.Unit("county") })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("date")));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("name")));

        var name = TestData.Name("县里的日子");
        (await app.As("center").PostAsync("/api/v1/calendar/dates", new { orgUnitId = app.Demo.Unit("county"), date = $"{Year}-05-02", name })).Expect(HttpStatusCode.Created);
        var login = TestData.Login("cal2");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县中心管理员", role = "CenterAdmin", orgUnitId = app.Demo.Unit("county2") }))
            .Expect(HttpStatusCode.Created);
        Assert.DoesNotContain(Days((await app.As(login, TestData.StrongPassword).GetAsync($"/api/v1/calendar/{Year}")).Expect(HttpStatusCode.OK)), d => d.GetProperty("name").GetString() == name);
    }
}
