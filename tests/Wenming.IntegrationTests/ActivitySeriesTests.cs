using System.Globalization;
using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Recurring activities (issue 17, ADR 0058) and an activity taking its place from a venue booking: a weekly rule for a
/// year makes 52 ordinary activities on the right China-time dates, 53 is a 400 and nothing is made, the monthly 31st
/// takes short months' last day, "this and following" edits and cancels only the later ones, scope and audit.
/// </summary>
public sealed class ActivitySeriesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static int _week;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + China);

    /// <summary>A Wednesday some weeks ahead, different for each test so series of different tests never share a day.</summary>
    private static DateOnly Wednesday()
    {
        var n = Interlocked.Increment(ref _week);
        var day = Today.AddDays(30 + (7 * n));
        return day.AddDays(((int)DayOfWeek.Wednesday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), China);

    private Task<ApiResponse> SeriesAsync(object recurrence, DateOnly first, string? title = null, bool publish = false, string by = "village1", int startHour = 16, int startMinute = 30) =>
        app.As(by).PostAsync("/api/v1/activity-series", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = title ?? TestData.Name("四点半课堂"),
            category = "CultivateValues",
            place = "村文化室",
            startsAt = At(first, startHour, startMinute),
            endsAt = At(first, startHour + 1, startMinute),
            capacity = 15,
            signUpEndsAt = At(first, startHour - 2, startMinute),
            description = "作业辅导",
            recurrence,
            publish,
        });

    private static List<JsonElement> Occurrences(ApiResponse series) => [.. series.Json.GetProperty("occurrences").EnumerateArray()];

    private static DateTimeOffset Starts(JsonElement a) => a.GetProperty("startsAt").GetDateTimeOffset();

    [DatabaseFact]
    public async Task AWeeklyRuleForAYear_Makes52OrdinaryActivities_OnTheRightChinaDates()
    {
        var first = Wednesday();
        var created = (await SeriesAsync(new { frequency = "Weekly", until = first.AddDays(51 * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, first))
            .Expect(HttpStatusCode.Created);

        var occurrences = Occurrences(created);
        Assert.Equal(52, occurrences.Count);
        for (var i = 0; i < occurrences.Count; i++)
        {
            var a = occurrences[i];
            Assert.EndsWith("+08:00", a.GetProperty("startsAt").GetString(), StringComparison.Ordinal);
            // China has one offset all year: 16:30 on every Wednesday, summer and winter alike.
            Assert.Equal(At(first.AddDays(7 * i), 16, 30), Starts(a));
            Assert.Equal(At(first.AddDays(7 * i), 17, 30), a.GetProperty("endsAt").GetDateTimeOffset());
            Assert.Equal(At(first.AddDays(7 * i), 14, 30), a.GetProperty("signUpEndsAt").GetDateTimeOffset());
            Assert.Equal("Draft", a.GetProperty("status").GetString());
            Assert.Equal(created.Id, a.GetProperty("seriesId").GetInt64());
        }

        // Each is an ordinary activity: readable, publishable on its own.
        var one = occurrences[10].GetProperty("id").GetInt64();
        (await app.As("village1").PostAsync($"/api/v1/activities/{one}/publish")).Expect(HttpStatusCode.OK);
        var read = (await app.As("village1").GetAsync($"/api/v1/activity-series/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Published", Occurrences(read)[10].GetProperty("status").GetString());
        Assert.Contains("周三", read.Text("ruleLabel"), StringComparison.Ordinal);

        // Scoped: another village neither reads the series nor edits it; audited once for the rule and once per activity.
        (await app.As("village2").GetAsync($"/api/v1/activity-series/{created.Id}")).Expect(HttpStatusCode.NotFound);
        (await app.As("village2").PostAsync($"/api/v1/activity-series/{created.Id}/cancel", new { from = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
            .Expect(HttpStatusCode.NotFound);
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=ActivitySeries&entityId={created.Id}&pageSize=10")).Expect(HttpStatusCode.OK).Total);
        Assert.True((await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Activity&entityId={occurrences[51].GetProperty("id").GetInt64()}&pageSize=10")).Expect(HttpStatusCode.OK).Total >= 1);
    }

    [DatabaseFact]
    public async Task FiftyThreeOccurrences_Is400WithAChineseMessage_AndNothingIsCreated()
    {
        var first = Wednesday();
        var title = TestData.Name("超长周期");
        var refused = (await SeriesAsync(new { frequency = "Weekly", until = first.AddDays(52 * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, first, title))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("52", Assert.Single(refused.FieldErrors("recurrence.until")), StringComparison.Ordinal);

        // Bad rules name their field in Chinese.
        var bad = (await SeriesAsync(new { frequency = "Weekly", interval = 0, daysOfWeek = new[] { 8 } }, first, title)).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(bad.FieldErrors("recurrence.until"));
        Assert.NotEmpty(bad.FieldErrors("recurrence.interval"));
        Assert.NotEmpty(bad.FieldErrors("recurrence.daysOfWeek"));
        (await SeriesAsync(null!, first, title)).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        var listed = (await app.As("village1").GetAsync($"/api/v1/activities?orgUnitId={app.Demo.Unit("village1")}&status=Draft&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.Items, a => a.GetProperty("title").GetString() == title);
    }

    [DatabaseFact]
    public async Task MonthlyOnThe31st_TakesTheLastDayOfShorterMonths_AndTwiceWeeklyRulesKeepTheirDays()
    {
        var year = Today.Year + 1;
        var first = new DateOnly(year, 1, 31);
        var monthly = (await SeriesAsync(new { frequency = "Monthly", until = $"{year}-12-31" }, first, startHour: 9, startMinute: 0)).Expect(HttpStatusCode.Created);

        var days = Occurrences(monthly).Select(a => DateOnly.FromDateTime(Starts(a).DateTime)).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, DateTime.DaysInMonth(year, m))), days);

        // Every second week on Monday and Wednesday, from a Wednesday: that Wednesday, then Monday and Wednesday two weeks on …
        var wednesday = Wednesday();
        var twice = (await SeriesAsync(new { frequency = "Weekly", interval = 2, daysOfWeek = new[] { 3, 1 }, until = wednesday.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, wednesday))
            .Expect(HttpStatusCode.Created);
        var dates = Occurrences(twice).Select(a => DateOnly.FromDateTime(Starts(a).DateTime)).ToList();
        Assert.Equal([wednesday, wednesday.AddDays(12), wednesday.AddDays(14), wednesday.AddDays(26), wednesday.AddDays(28)], dates);
    }

    [DatabaseFact]
    public async Task ThisAndFollowing_EditsAndCancelsOnlyTheLaterOccurrences()
    {
        var first = Wednesday();
        var created = (await SeriesAsync(new { frequency = "Weekly", until = first.AddDays(35).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, first, publish: true))
            .Expect(HttpStatusCode.Created);
        var before = Occurrences(created);
        Assert.Equal(6, before.Count);
        Assert.All(before, a => Assert.Equal("Published", a.GetProperty("status").GetString()));
        var third = first.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/following", new { from = third, startTime = "25:00", endTime = "19:30" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        var edited = (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/following", new { from = third, title = "四点半课堂（新址）", place = "村小学", startTime = "18:00", endTime = "19:30", capacity = 20 }))
            .Expect(HttpStatusCode.OK);
        var after = Occurrences(edited);
        for (var i = 0; i < 6; i++)
        {
            var (was, now) = (before[i], after[i]);
            if (i < 2)
            {
                Assert.Equal(was.GetProperty("title").GetString(), now.GetProperty("title").GetString());
                Assert.Equal(Starts(was), Starts(now));
                Assert.Equal(15, now.GetProperty("capacity").GetInt32());
            }
            else
            {
                Assert.Equal("四点半课堂（新址）", now.GetProperty("title").GetString());
                Assert.Equal("村小学", now.GetProperty("place").GetString());
                Assert.Equal(At(first.AddDays(7 * i), 18), Starts(now));
                Assert.Equal(At(first.AddDays(7 * i), 19, 30), now.GetProperty("endsAt").GetDateTimeOffset());
                Assert.Equal(20, now.GetProperty("capacity").GetInt32());
                // The sign-up window moved with the start (two hours before it).
                Assert.Equal(At(first.AddDays(7 * i), 16), now.GetProperty("signUpEndsAt").GetDateTimeOffset());
            }
        }

        var fifth = first.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cancelled = (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/cancel", new { from = fifth })).Expect(HttpStatusCode.OK);
        Assert.Equal(["Published", "Published", "Published", "Published", "Cancelled", "Cancelled"], Occurrences(cancelled).Select(a => a.GetProperty("status").GetString()));
        (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/cancel", new { })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");

        // The series page lists the occurrences for an admin of the unit.
        var browser = await app.SignInToPagesAsync("village1");
        var page = await browser.GetStringAsync($"/activities/series/{created.Id}");
        Assert.Contains("四点半课堂（新址）", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-edit-form\"", page, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AnActivity_TakesItsPlaceFromAConfirmedBookingOfItsOwnUnit()
    {
        var venueName = TestData.Name("活动室");
        var venue = (await app.As("center").PostAsync("/api/v1/venues", new { orgUnitId = app.Demo.Unit("county"), name = venueName, capacity = 50, opensAt = "00:00", closesAt = "24:00" }))
            .Expect(HttpStatusCode.Created).Id;
        var day = Today.AddDays(20 + Interlocked.Increment(ref _week));
        var booking = (await app.As("village1").PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = app.Demo.Unit("village1"), startsAt = At(day, 14), endsAt = At(day, 16), purpose = "道德讲堂" }))
            .Expect(HttpStatusCode.Created).Id;
        var other = (await app.As("village2").PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = app.Demo.Unit("village2"), startsAt = At(day, 17), endsAt = At(day, 18), purpose = "读书会" }))
            .Expect(HttpStatusCode.Created).Id;

        // The booking's link opens the form prefilled: place = venue, times = the booking's, the unit, the booking id.
        var browser = await app.SignInToPagesAsync("village1");
        var venuePage = await browser.GetStringAsync($"/venues/{venue}?from={day:yyyy-MM-dd}");
        Assert.Contains($"data-testid=\"make-activity-{booking}\"", venuePage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"make-activity-{other}\"", venuePage, StringComparison.Ordinal);
        var form = await browser.GetStringAsync($"/activities?Input.OrgUnitId={app.Demo.Unit("village1")}&Input.Place={Uri.EscapeDataString(venueName)}&Input.StartsAt={day:yyyy-MM-dd}T14:00&Input.EndsAt={day:yyyy-MM-dd}T16:00&Input.BookingId={booking}");
        Assert.Contains("data-testid=\"from-booking\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{booking}\"", form, StringComparison.Ordinal);

        object Body(long bookingId) => new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = "道德讲堂",
            category = "CultivateValues",
            place = venueName,
            startsAt = At(day, 14),
            endsAt = At(day, 16),
            capacity = 40,
            bookingId,
        };
        (await app.As("village1").PostAsync("/api/v1/activities", Body(other))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        (await app.As("village1").PostAsync("/api/v1/activities", Body(999_999_999))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        var activity = (await app.As("village1").PostAsync("/api/v1/activities", Body(booking))).Expect(HttpStatusCode.Created);
        Assert.Equal(booking, activity.Number("venueBookingId"));
        Assert.Equal(venue, activity.Number("venueId"));

        var detail = await browser.GetStringAsync($"/activities/{activity.Id}");
        Assert.Contains($"href=\"/venues/{venue}\"", detail, StringComparison.Ordinal);

        // A booking still waiting for the owner's approval gives no place yet.
        var town = (await app.As("town1").PostAsync("/api/v1/venues", new { orgUnitId = app.Demo.Unit("township1"), name = TestData.Name("审批室"), capacity = 20, opensAt = "00:00", closesAt = "24:00", requiresApproval = true }))
            .Expect(HttpStatusCode.Created).Id;
        var pending = (await app.As("village1").PostAsync($"/api/v1/venues/{town}/bookings", new { orgUnitId = app.Demo.Unit("village1"), startsAt = At(day, 9), endsAt = At(day, 10), purpose = "宣讲" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", pending.Text("status"));
        Assert.NotEmpty((await app.As("village1").PostAsync("/api/v1/activities", Body(pending.Id))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed").FieldErrors("bookingId"));
    }
}
