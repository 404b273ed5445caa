using System.Globalization;
using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// A recurring activity that books a venue for every occurrence (issue 17, ADR 0063) through HTTP: the bookings are made
/// with the series, a taken date refuses the whole series with 409 <c>booking.overlap</c> naming it and nothing is
/// created, cancelling one occurrence or the following ones frees their slots, moving the following ones moves their
/// bookings or is refused on overlap, and two series racing for the same times: exactly one wins.
/// </summary>
public sealed class VenueSeriesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + China);

    /// <summary>The first Wednesday at least <paramref name="days"/> days ahead.</summary>
    private static DateOnly Wednesday(int days)
    {
        var day = Today.AddDays(days);
        return day.AddDays(((int)DayOfWeek.Wednesday - (int)day.DayOfWeek + 7) % 7);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), China);

    private async Task<long> VenueAsync() =>
        (await app.As("center").PostAsync("/api/v1/venues", new { orgUnitId = app.Demo.Unit("county"), name = TestData.Name("周期场馆"), capacity = 40, opensAt = "08:00", closesAt = "21:00" }))
            .Expect(HttpStatusCode.Created).Id;

    private Task<ApiResponse> SeriesAsync(long venue, DateOnly first, int weeks, string by = "village1", string unit = "village1") =>
        app.As(by).PostAsync("/api/v1/activity-series", new
        {
            orgUnitId = app.Demo.Unit(unit),
            title = TestData.Name("每周读书会"),
            category = "CultivateValues",
            place = "场馆",
            startsAt = At(first, 16, 30),
            endsAt = At(first, 18),
            capacity = 20,
            recurrence = new { frequency = "Weekly", until = Day(first.AddDays(7 * (weeks - 1))) },
            venueId = venue,
        });

    /// <summary>The holding bookings of the venue on that China date.</summary>
    private async Task<List<JsonElement>> HeldOnAsync(long venue, DateOnly day) =>
        [.. (await app.As("center").GetAsync($"/api/v1/venues/{venue}/bookings?from={Day(day)}&days=1")).Expect(HttpStatusCode.OK).Json.EnumerateArray()];

    private static List<JsonElement> Occurrences(ApiResponse series) => [.. series.Json.GetProperty("occurrences").EnumerateArray()];

    [DatabaseFact]
    public async Task AYearOfWeeklyOccurrences_BooksTheVenueForEach_BeyondTheSingleBookingHorizon()
    {
        var venue = await VenueAsync();
        var first = Wednesday(3);

        var created = (await SeriesAsync(venue, first, 52)).Expect(HttpStatusCode.Created);

        var occurrences = Occurrences(created);
        Assert.Equal(52, occurrences.Count);
        Assert.All(occurrences, a => Assert.Equal(venue, a.GetProperty("venueId").GetInt64()));
        Assert.Equal(52, occurrences.Select(a => a.GetProperty("venueBookingId").GetInt64()).Distinct().Count());
        foreach (var day in new[] { first, first.AddDays(7 * 30), first.AddDays(7 * 51) })
        {
            var held = Assert.Single(await HeldOnAsync(venue, day));
            Assert.Equal(At(day, 16, 30), held.GetProperty("startsAt").GetDateTimeOffset());
            Assert.Equal("Confirmed", held.GetProperty("status").GetString());
            Assert.Equal(app.Demo.Unit("village1"), held.GetProperty("orgUnitId").GetInt64());
        }

        // The week after the series is free.
        Assert.Empty(await HeldOnAsync(venue, first.AddDays(7 * 52)));

        // The series page names the venue on every occurrence, linked to its calendar.
        var venueName = (await app.As("center").GetAsync($"/api/v1/venues/{venue}")).Expect(HttpStatusCode.OK).Json.GetProperty("name").GetString()!;
        var page = await (await app.SignInToPagesAsync("village1")).GetStringAsync($"/activities/series/{created.Id}");
        Assert.Equal(52, page.Split($"<a href=\"/venues/{venue}\">{venueName}</a>").Length - 1);
    }

    [DatabaseFact]
    public async Task ATakenDate_RefusesTheWholeSeries_NamingTheDate_AndNothingIsCreated()
    {
        var venue = await VenueAsync();
        var first = Wednesday(5);
        var taken = first.AddDays(14);
        (await app.As("town2").PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = app.Demo.Unit("township2"), startsAt = At(taken, 17), endsAt = At(taken, 19), purpose = "镇里的讲座" }))
            .Expect(HttpStatusCode.Created);
        var before = (await app.As("village1").GetAsync("/api/v1/activities?pageSize=1")).Expect(HttpStatusCode.OK).Total;

        var refused = (await SeriesAsync(venue, first, 5)).ExpectProblem(HttpStatusCode.Conflict, "booking.overlap");

        Assert.Contains(Day(taken), refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Json.GetProperty("detail").GetString()!);
        Assert.Empty(await HeldOnAsync(venue, first));
        Assert.Single(await HeldOnAsync(venue, taken));
        Assert.Equal(before, (await app.As("village1").GetAsync("/api/v1/activities?pageSize=1")).Expect(HttpStatusCode.OK).Total);

        // Outside the venue's opening hours: 400 in Chinese, nothing made.
        var late = await app.As("village1").PostAsync("/api/v1/activity-series", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = TestData.Name("夜场"),
            category = "CultivateValues",
            place = "场馆",
            startsAt = At(first, 20),
            endsAt = At(first, 22),
            capacity = 20,
            recurrence = new { frequency = "Weekly", until = Day(first.AddDays(7)) },
            venueId = venue,
        });
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(late.ExpectProblem(HttpStatusCode.BadRequest, "validation.failed").FieldErrors("startsAt")));
        Assert.Empty(await HeldOnAsync(venue, first));
    }

    [DatabaseFact]
    public async Task CancellingOccurrences_FreesTheirSlots_AndMovingTheFollowingMovesTheirBookings_OrIsRefusedOnOverlap()
    {
        var venue = await VenueAsync();
        var first = Wednesday(4);
        var created = (await SeriesAsync(venue, first, 6)).Expect(HttpStatusCode.Created);
        var occurrences = Occurrences(created);

        // One occurrence cancelled through the ordinary activity API: its slot is free, the others are held.
        (await app.As("village1").PostAsync($"/api/v1/activities/{occurrences[1].GetProperty("id").GetInt64()}/cancel")).Expect(HttpStatusCode.OK);
        Assert.Empty(await HeldOnAsync(venue, first.AddDays(7)));
        Assert.Single(await HeldOnAsync(venue, first.AddDays(14)));

        // From the fourth week on, 18:30–20:00; the fifth week's evening is taken by someone else: refused, nothing moves.
        var fifth = first.AddDays(28);
        var blocker = (await app.As("center").PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = app.Demo.Unit("county"), startsAt = At(fifth, 19), endsAt = At(fifth, 20), purpose = "中心例会" }))
            .Expect(HttpStatusCode.Created);
        var clash = (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/following", new { from = Day(first.AddDays(21)), startTime = "18:30", endTime = "20:00" }))
            .ExpectProblem(HttpStatusCode.Conflict, "booking.overlap");
        Assert.Contains(Day(fifth), clash.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(At(first.AddDays(21), 16, 30), Assert.Single(await HeldOnAsync(venue, first.AddDays(21))).GetProperty("startsAt").GetDateTimeOffset());
        var unchanged = (await app.As("village1").GetAsync($"/api/v1/activity-series/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(At(first.AddDays(21), 16, 30), Occurrences(unchanged)[3].GetProperty("startsAt").GetDateTimeOffset());

        // With the evening free again the edit goes through, and the bookings move with the occurrences.
        (await app.As("center").PostAsync($"/api/v1/venue-bookings/{blocker.Id}/cancel", new { })).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/following", new { from = Day(first.AddDays(21)), startTime = "18:30", endTime = "20:00" }))
            .Expect(HttpStatusCode.OK);
        foreach (var week in new[] { 3, 4, 5 })
        {
            var day = first.AddDays(7 * week);
            var held = Assert.Single(await HeldOnAsync(venue, day));
            Assert.Equal(At(day, 18, 30), held.GetProperty("startsAt").GetDateTimeOffset());
            Assert.Equal(At(day, 20), held.GetProperty("endsAt").GetDateTimeOffset());
        }

        Assert.Equal(At(first.AddDays(14), 16, 30), Assert.Single(await HeldOnAsync(venue, first.AddDays(14))).GetProperty("startsAt").GetDateTimeOffset());

        // Cancelled from the fifth week on: those slots are free, the fourth week's is held.
        (await app.As("village1").PostAsync($"/api/v1/activity-series/{created.Id}/cancel", new { from = Day(fifth) })).Expect(HttpStatusCode.OK);
        Assert.Empty(await HeldOnAsync(venue, fifth));
        Assert.Empty(await HeldOnAsync(venue, first.AddDays(35)));
        Assert.Single(await HeldOnAsync(venue, first.AddDays(21)));
    }

    [DatabaseFact]
    public async Task TwoSeriesAtOnce_ForTheSameVenueAndTimes_ExactlyOneWins()
    {
        var venue = await VenueAsync();
        var first = Wednesday(6);
        (string Login, string Unit)[] planners = [("village1", "village1"), ("village2", "village2"), ("town1", "township1"), ("town2", "township2"), ("center", "county"), ("village1", "village1")];
        foreach (var (login, _) in planners)
        {
            _ = await app.TokenAsync(login);
        }

        var answers = await Task.WhenAll(planners.Select(p => SeriesAsync(venue, first, 8, p.Login, p.Unit)));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "booking.overlap"));
        var ids = Occurrences(winner).Select(a => a.GetProperty("venueBookingId").GetInt64()).ToHashSet();
        for (var week = 0; week < 8; week++)
        {
            var held = Assert.Single(await HeldOnAsync(venue, first.AddDays(7 * week)));
            Assert.Contains(held.GetProperty("id").GetInt64(), ids);
        }
    }
}
