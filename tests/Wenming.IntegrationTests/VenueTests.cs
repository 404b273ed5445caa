using System.Globalization;
using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Venues and bookings (issue 17) through HTTP: many units booking one slot at once (exactly one wins, the rest 409
/// <c>booking.overlap</c>), RULES.md's limits at their boundaries, the owner's approval, cancellation freeing the slot,
/// the county as the boundary (another county neither sees nor books), monthly use and the audit trail.
/// </summary>
public sealed class VenueTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private long County => app.Demo.Unit("county");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + China);

    private static string At(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), China).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task<long> VenueAsync(string by = "center", long? unit = null, string opensAt = "00:00", string closesAt = "24:00", bool requiresApproval = false) =>
        (await app.As(by).PostAsync("/api/v1/venues", new { orgUnitId = unit ?? County, name = TestData.Name("测试场馆"), capacity = 50, opensAt, closesAt, requiresApproval }))
            .Expect(HttpStatusCode.Created).Id;

    private Task<ApiResponse> BookAsync(long venue, string by, long unit, string startsAt, string endsAt, string purpose = "测试活动") =>
        app.As(by).PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = unit, startsAt, endsAt, purpose });

    [DatabaseFact]
    public async Task ThirtyBookingsAtOnce_OverFiveSlots_ExactlyOnePerSlotWins()
    {
        var venue = await VenueAsync();
        var day = Today.AddDays(5);
        (string Login, string Unit)[] bookers = [("center", "county"), ("town1", "township1"), ("village1", "village1"), ("village2", "village2"), ("town2", "township2"), ("center", "township1")];
        foreach (var (login, _) in bookers)
        {
            _ = await app.TokenAsync(login);
        }

        // Each slot's six requests overlap one another (shifted by 10 minutes); slots are two hours apart.
        var requests = Enumerable.Range(0, 5).SelectMany(slot => bookers.Select((b, i) =>
            BookAsync(venue, b.Login, app.Demo.Unit(b.Unit), At(day, 8 + slot * 2, i * 10), At(day, 9 + slot * 2, i * 10))));
        var answers = await Task.WhenAll(requests);

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "booking.overlap"));
        var week = (await app.As("center").GetAsync($"/api/v1/venues/{venue}/bookings?from={day:yyyy-MM-dd}&days=1")).Expect(HttpStatusCode.OK);
        var held = week.Json.EnumerateArray().Select(b => (Start: b.GetProperty("startsAt").GetDateTimeOffset(), End: b.GetProperty("endsAt").GetDateTimeOffset())).OrderBy(b => b.Start).ToList();
        Assert.Equal(5, held.Count);
        Assert.All(held.Zip(held.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, "two held bookings overlap"));
    }

    [DatabaseFact]
    public async Task TwentyIdenticalBookingsAtOnce_OneWins()
    {
        var venue = await VenueAsync();
        var day = Today.AddDays(6);
        _ = await app.TokenAsync("village1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => BookAsync(venue, "village1", app.Demo.Unit("village1"), At(day, 14), At(day, 16))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "booking.overlap"));
    }

    [DatabaseFact]
    public async Task BookingLimits_HoldAtTheirBoundaries_WithChineseMessages()
    {
        var venue = await VenueAsync();
        var unit = County;
        var day = Today.AddDays(3);

        // 30 minutes is the shortest, a day the longest; touching bookings do not overlap.
        (await BookAsync(venue, "center", unit, At(day, 10), At(day, 10, 30))).Expect(HttpStatusCode.Created);
        (await BookAsync(venue, "center", unit, At(day, 10, 30), At(day, 11))).Expect(HttpStatusCode.Created);
        var tooShort = (await BookAsync(venue, "center", unit, At(day, 12), At(day, 12, 29))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(tooShort.FieldErrors("endsAt")));
        (await BookAsync(venue, "center", unit, At(day.AddDays(1), 0), At(day.AddDays(2), 0))).Expect(HttpStatusCode.Created);
        var tooLong = (await BookAsync(venue, "center", unit, At(day.AddDays(3), 0), At(day.AddDays(4), 0, 30))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("1 天", Assert.Single(tooLong.FieldErrors("endsAt")), StringComparison.Ordinal);

        // At most 60 days ahead (by the China date); never in the past.
        (await BookAsync(venue, "center", unit, At(Today.AddDays(60), 10), At(Today.AddDays(60), 11))).Expect(HttpStatusCode.Created);
        var tooFar = (await BookAsync(venue, "center", unit, At(Today.AddDays(61), 10), At(Today.AddDays(61), 11))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("60", Assert.Single(tooFar.FieldErrors("startsAt")), StringComparison.Ordinal);
        var past = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(China);
        (await BookAsync(venue, "center", unit, past.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), past.AddHours(1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        // Inside opening hours, to the minute.
        var hall = await VenueAsync(opensAt: "08:00", closesAt: "21:00");
        (await BookAsync(hall, "center", unit, At(day, 8), At(day, 9))).Expect(HttpStatusCode.Created);
        (await BookAsync(hall, "center", unit, At(day, 20), At(day, 21))).Expect(HttpStatusCode.Created);
        var early = (await BookAsync(hall, "center", unit, At(day.AddDays(1), 7, 30), At(day.AddDays(1), 8, 30))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("08:00–21:00", Assert.Single(early.FieldErrors("startsAt")), StringComparison.Ordinal);
        (await BookAsync(hall, "center", unit, At(day.AddDays(1), 20, 30), At(day.AddDays(1), 21, 1))).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        var missing = (await app.As("center").PostAsync($"/api/v1/venues/{hall}/bookings", new { orgUnitId = unit })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        foreach (var field in new[] { "startsAt", "endsAt", "purpose" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(missing.FieldErrors(field)));
        }
    }

    [DatabaseFact]
    public async Task Venue_WithBadInput_Is400WithChineseFieldMessages_AndNothingIsAdded()
    {
        var before = (await app.As("center").GetAsync("/api/v1/venues")).Expect(HttpStatusCode.OK).Total;

        var refused = (await app.As("center").PostAsync("/api/v1/venues", new { orgUnitId = County, name = "", capacity = 0, opensAt = "25:00" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        foreach (var field in new[] { "name", "capacity", "opensAt" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
        }

        Assert.Equal(before, (await app.As("center").GetAsync("/api/v1/venues")).Expect(HttpStatusCode.OK).Total);
        (await app.As("volunteer1").PostAsync("/api/v1/venues", new { orgUnitId = County, name = TestData.Name("场馆"), capacity = 10 })).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task AVenueThatAsksForApproval_HoldsTheSlotWhilePending_AndOnlyTheOwnerDecides()
    {
        var township = app.Demo.Unit("township1");
        var venue = await VenueAsync("town1", township, "08:00", "20:00", requiresApproval: true);
        var day = Today.AddDays(4);

        var pending = (await BookAsync(venue, "village1", app.Demo.Unit("village1"), At(day, 16, 30), At(day, 18))).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", pending.Text("status"));
        Assert.Equal("待审批", pending.Text("statusLabel"));
        (await BookAsync(venue, "village2", app.Demo.Unit("village2"), At(day, 17), At(day, 18))).ExpectProblem(HttpStatusCode.Conflict, "booking.overlap");
        (await app.As("village1").PostAsync($"/api/v1/venue-bookings/{pending.Id}/approve")).Expect(HttpStatusCode.Forbidden);
        (await app.As("town1").PostAsync($"/api/v1/venue-bookings/{pending.Id}/reject", new { reason = "" })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        var approved = (await app.As("town1").PostAsync($"/api/v1/venue-bookings/{pending.Id}/approve")).Expect(HttpStatusCode.OK);
        Assert.Equal("Confirmed", approved.Text("status"));
        (await app.As("town1").PostAsync($"/api/v1/venue-bookings/{pending.Id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "booking.invalid_transition");

        // The owner's own booking needs no approval.
        var own = (await BookAsync(venue, "town1", township, At(day, 9), At(day, 10))).Expect(HttpStatusCode.Created);
        Assert.Equal("Confirmed", own.Text("status"));

        // Cancelled by the booking unit: the slot is free again, and the cancellation is audited.
        (await app.As("village2").PostAsync($"/api/v1/venue-bookings/{pending.Id}/cancel", new { })).Expect(HttpStatusCode.Forbidden);
        (await app.As("village1").PostAsync($"/api/v1/venue-bookings/{pending.Id}/cancel", new { reason = "活动延期" })).Expect(HttpStatusCode.OK);
        (await BookAsync(venue, "village2", app.Demo.Unit("village2"), At(day, 17), At(day, 18))).Expect(HttpStatusCode.Created);

        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=VenueBooking&entityId={pending.Id}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, audit.Total);
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Venue&entityId={venue}&pageSize=100")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task AnotherCounty_NeitherSeesNorBooksTheVenues_AndNoUnitBooksInAnotherUnitsName()
    {
        var venue = await VenueAsync();
        var day = Today.AddDays(7);
        var county2 = app.Demo.Unit("county2");
        var login = TestData.Login("venue2");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县中心管理员", role = "CenterAdmin", orgUnitId = county2 }))
            .Expect(HttpStatusCode.Created);
        var other = app.As(login, TestData.StrongPassword);

        (await other.GetAsync($"/api/v1/venues/{venue}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await other.GetAsync("/api/v1/venues")).Expect(HttpStatusCode.OK).Items, v => v.GetProperty("id").GetInt64() == venue);
        (await other.PostAsync($"/api/v1/venues/{venue}/bookings", new { orgUnitId = county2, startsAt = At(day, 9), endsAt = At(day, 10), purpose = "跨县" }))
            .ExpectProblem(HttpStatusCode.NotFound, "venue.not_found");
        (await BookAsync(venue, "center", county2, At(day, 9), At(day, 10))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        // A village books for itself, not for the township above it nor a neighbour.
        (await BookAsync(venue, "village1", app.Demo.Unit("township1"), At(day, 9), At(day, 10))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await BookAsync(venue, "village1", app.Demo.Unit("village2"), At(day, 9), At(day, 10))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        var mine = (await BookAsync(venue, "village1", app.Demo.Unit("village1"), At(day, 9), At(day, 10))).Expect(HttpStatusCode.Created);

        // The booking lists: village1 and the venue's owner see it, village2 and the other county do not.
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("village1"), $"/api/v1/venue-bookings?venueId={venue}&"), b => b.GetProperty("id").GetInt64() == mine.Id);
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("center"), $"/api/v1/venue-bookings?venueId={venue}&"), b => b.GetProperty("id").GetInt64() == mine.Id);
        Assert.Empty(await DemoMap.AllItemsAsync(app.As("village2"), $"/api/v1/venue-bookings?venueId={venue}&"));
        Assert.Empty(await DemoMap.AllItemsAsync(other, $"/api/v1/venue-bookings?venueId={venue}&"));
        (await other.PostAsync($"/api/v1/venue-bookings/{mine.Id}/cancel", new { })).Expect(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Usage_CountsConfirmedBookingsPerVenueAndMonth()
    {
        var venue = await VenueAsync();
        var day = Today.AddDays(2);
        (await BookAsync(venue, "center", County, At(day, 9), At(day, 11))).Expect(HttpStatusCode.Created);
        var cancelled = (await BookAsync(venue, "center", County, At(day, 14), At(day, 15))).Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync($"/api/v1/venue-bookings/{cancelled.Id}/cancel", new { })).Expect(HttpStatusCode.OK);

        var usage = (await app.As("center").GetAsync($"/api/v1/venues/usage?year={day.Year}")).Expect(HttpStatusCode.OK);
        var row = usage.Json.GetProperty("venues").EnumerateArray().Single(v => v.GetProperty("venueId").GetInt64() == venue);
        Assert.Equal(1, row.GetProperty("bookings")[day.Month - 1].GetInt32());
        Assert.Equal(2.0, row.GetProperty("hours")[day.Month - 1].GetDouble());
        Assert.Equal(1, row.GetProperty("totalBookings").GetInt32());
        (await app.As("center").GetAsync("/api/v1/venues/usage?year=1800")).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
    }
}
