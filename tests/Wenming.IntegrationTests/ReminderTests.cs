using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Activities.Features.Reminders;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>Reminders before activities (lead time, opt-out, once even with several nodes) and the personal iCal feed.</summary>
public sealed class ReminderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _slot;

    /// <summary>A two-hour slot far enough ahead that no other test's activity overlaps it.</summary>
    private static DateTimeOffset Slot()
    {
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(200 + Interlocked.Increment(ref _slot));
        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    /// <summary>An approved volunteer of village 1 who has their own sign-in.</summary>
    private async Task<(long VolunteerId, ApiClient Client)> VolunteerWithAccountAsync()
    {
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25).AddDays(-Random.Shared.Next(1, 3000));
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("提醒"), idNumber = TestData.IdNumber(birth), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var login = TestData.Login("rem");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "提醒测试", role = "Volunteer", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);
        var volunteerId = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{volunteerId}/approve")).Expect(HttpStatusCode.OK);
        var client = app.As(login, TestData.StrongPassword);
        (await client.PostAsync("/api/v1/notifications/read-all", new { })).Expect(HttpStatusCode.OK);
        return (volunteerId, client);
    }

    private async Task<(long Id, string Title, DateTimeOffset StartsAt)> PublishedAsync(int capacity = 5)
    {
        var starts = Slot();
        var title = TestData.Name("提醒活动");
        var id = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title,
            category = "EnrichCulture",
            place = "村文化广场",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        return (id, title, starts);
    }

    private Task<int> SweepAsync(DateTimeOffset now) => Jobs.RunOnceAsync<ActivityReminderJob>(app.Factory.Services, now.UtcDateTime, CancellationToken.None);

    private static async Task<List<JsonElement>> RemindersAsync(ApiClient client) =>
        [.. (await client.GetAsync("/api/v1/notifications?pageSize=100")).Expect(HttpStatusCode.OK).Items
            .Where(n => n.GetProperty("title").GetString() == Text.Get("Reminder.Title"))];

    [DatabaseFact]
    public async Task AVolunteer_IsRemindedOnce_WithinTheDefault24Hours()
    {
        var (volunteerId, client) = await VolunteerWithAccountAsync();
        var (activityId, title, starts) = await PublishedAsync();
        (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId })).Expect(HttpStatusCode.Created);

        await SweepAsync(starts.AddHours(-25));
        Assert.Empty(await RemindersAsync(client));

        await SweepAsync(starts.AddHours(-23));
        await SweepAsync(starts.AddHours(-22));

        var reminder = Assert.Single(await RemindersAsync(client));
        Assert.Contains(title, reminder.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains(Text.Display(starts.UtcDateTime), reminder.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/activities/{activityId}", reminder.GetProperty("link").GetString());
    }

    [DatabaseFact]
    public async Task ChosenLeadTime_AndOptOut_AreRespected()
    {
        var (early, earlyClient) = await VolunteerWithAccountAsync();
        var (optedOut, optedOutClient) = await VolunteerWithAccountAsync();
        (await earlyClient.PutAsync("/api/v1/notifications/preferences", new { activityReminders = true, reminderLeadHours = 2 })).Expect(HttpStatusCode.OK);
        (await optedOutClient.PutAsync("/api/v1/notifications/preferences", new { activityReminders = false, reminderLeadHours = 24 })).Expect(HttpStatusCode.OK);
        var (activityId, _, starts) = await PublishedAsync();
        foreach (var volunteerId in new[] { early, optedOut })
        {
            (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId })).Expect(HttpStatusCode.Created);
        }

        await SweepAsync(starts.AddHours(-23));
        Assert.Empty(await RemindersAsync(earlyClient));

        await SweepAsync(starts.AddHours(-1));
        Assert.Single(await RemindersAsync(earlyClient));
        Assert.Empty(await RemindersAsync(optedOutClient));
    }

    [DatabaseFact]
    public async Task WaitlistedVolunteers_AndCancelledActivities_GetNoReminder()
    {
        var (enrolled, _) = await VolunteerWithAccountAsync();
        var (waiting, waitingClient) = await VolunteerWithAccountAsync();
        var (activityId, _, starts) = await PublishedAsync(capacity: 1);
        (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId = enrolled })).Expect(HttpStatusCode.Created);
        var queued = (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId = waiting })).Expect(HttpStatusCode.Created);
        Assert.Equal("Waitlisted", queued.Text("status"));
        var (cancelledId, _, cancelledStarts) = await PublishedAsync();
        var (other, otherClient) = await VolunteerWithAccountAsync();
        (await app.Admin.PostAsync($"/api/v1/activities/{cancelledId}/enrollments", new { volunteerId = other })).Expect(HttpStatusCode.Created);
        (await app.Admin.PostAsync($"/api/v1/activities/{cancelledId}/cancel")).Expect(HttpStatusCode.OK);

        await SweepAsync(starts.AddHours(-1));
        await SweepAsync(cancelledStarts.AddHours(-1));

        Assert.Empty(await RemindersAsync(waitingClient));
        Assert.Empty(await RemindersAsync(otherClient));
    }

    [DatabaseFact]
    public async Task SweepsRunningAtOnceOnSeveralNodes_RemindEachVolunteerOnce()
    {
        var volunteers = new List<(long Id, ApiClient Client)>();
        for (var i = 0; i < 4; i++)
        {
            volunteers.Add(await VolunteerWithAccountAsync());
        }

        var (activityId, _, starts) = await PublishedAsync();
        foreach (var (id, _) in volunteers)
        {
            (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId = id })).Expect(HttpStatusCode.Created);
        }

        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SweepAsync(starts.AddHours(-2)))));

        Assert.True(sent.Sum() >= volunteers.Count, $"the sweeps reported {sent.Sum()} reminders for {volunteers.Count} volunteers and other tests' activities");
        foreach (var (_, client) in volunteers)
        {
            Assert.Single(await RemindersAsync(client));
        }
    }

    [DatabaseFact]
    public async Task CalendarFeed_ListsOnesActivities_ForTheTokenHolder_AndAResetCutsTheOldAddressOff()
    {
        var (volunteerId, client) = await VolunteerWithAccountAsync();
        var (waiter, waiterClient) = await VolunteerWithAccountAsync();
        var (activityId, title, starts) = await PublishedAsync(capacity: 1);
        (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId })).Expect(HttpStatusCode.Created);
        (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId = waiter })).Expect(HttpStatusCode.Created);
        (await client.GetAsync("/api/v1/calendar-feed")).ExpectProblem(HttpStatusCode.NotFound, "calendar.not_created");

        var url = (await client.PostAsync("/api/v1/calendar-feed", new { })).Expect(HttpStatusCode.OK).Text("url");
        Assert.Equal(url, (await client.GetAsync("/api/v1/calendar-feed")).Expect(HttpStatusCode.OK).Text("url"));
        var path = new Uri(url).PathAndQuery;

        var feed = await app.Anonymous().GetAsync(path);
        feed.Expect(HttpStatusCode.OK);
        Assert.StartsWith("text/calendar", feed.ContentType, StringComparison.Ordinal);
        var ics = Unfold(feed.Body);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed.Body, StringComparison.Ordinal);
        Assert.Contains($"UID:activity-{activityId}@wenming", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + title, ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:" + starts.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", ics, StringComparison.Ordinal);
        Assert.All(feed.Body.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        var waiterUrl = (await waiterClient.PostAsync("/api/v1/calendar-feed", new { })).Expect(HttpStatusCode.OK).Text("url");
        var waiterIcs = Unfold((await app.Anonymous().GetAsync(new Uri(waiterUrl).PathAndQuery)).Expect(HttpStatusCode.OK).Body);
        Assert.Contains("STATUS:TENTATIVE", waiterIcs, StringComparison.Ordinal);
        Assert.Contains(Text.Get("Calendar.Waitlisted", title), waiterIcs, StringComparison.Ordinal);

        var reset = (await client.PostAsync("/api/v1/calendar-feed", new { })).Expect(HttpStatusCode.OK).Text("url");
        Assert.NotEqual(url, reset);
        (await app.Anonymous().GetAsync(path)).Expect(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync(new Uri(reset).PathAndQuery)).Expect(HttpStatusCode.OK);
        (await app.Anonymous().GetAsync("/calendar/0123456789abcdef0123456789abcdef.ics")).Expect(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task CalendarFeed_OfAnAccountWithoutAPerson_Answers404()
    {
        (await app.As("center").PostAsync("/api/v1/calendar-feed", new { })).ExpectProblem(HttpStatusCode.NotFound, "calendar.no_person");
    }

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
