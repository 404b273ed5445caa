using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>In-app messages: who gets them, that nobody reads another's, and the reminder preferences.</summary>
public sealed class NotificationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Adult = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30);

    private static async Task<int> UnreadAsync(ApiClient client) =>
        (await client.GetAsync("/api/v1/notifications/unread-count")).Expect(HttpStatusCode.OK).Json.GetProperty("unread").GetInt32();

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> InboxAsync(ApiClient client, bool unreadOnly = false) =>
        (await client.GetAsync($"/api/v1/notifications?unreadOnly={unreadOnly}&pageSize=100")).Expect(HttpStatusCode.OK).Items;

    /// <summary>A new resident of village 1 with their own account, as a self-registering volunteer would have.</summary>
    private async Task<(long PersonId, string Login)> ResidentWithAccountAsync()
    {
        var day = Adult.AddDays(-Random.Shared.Next(1, 3000));
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("通知"), idNumber = TestData.IdNumber(day), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var login = TestData.Login("ntf");
        (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "通知测试", role = "Resident", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);
        return (personId, login);
    }

    [DatabaseFact]
    public async Task Registering_TellsTheAdminsOfTheVolunteersOwnUnit_AndNoOneElse()
    {
        var village1 = await UnreadAsync(app.As("village1"));
        var village2 = await UnreadAsync(app.As("village2"));
        var town1 = await UnreadAsync(app.As("town1"));
        var (personId, login) = await ResidentWithAccountAsync();

        (await app.As(login, TestData.StrongPassword).PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created);

        Assert.Equal(village1 + 1, await UnreadAsync(app.As("village1")));
        Assert.Equal(village2, await UnreadAsync(app.As("village2")));
        Assert.Equal(town1, await UnreadAsync(app.As("town1")));
        var newest = (await InboxAsync(app.As("village1")))[0];
        Assert.Equal(Text.Get("Notify.VolunteerRegistered.Title"), newest.GetProperty("title").GetString());
        Assert.Contains("通知", newest.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("/volunteers?status=Pending", newest.GetProperty("link").GetString());
    }

    [DatabaseFact]
    public async Task Approving_TellsThePersonTheirNumber_OnEveryOfTheirAccounts()
    {
        var (personId, login) = await ResidentWithAccountAsync();
        var resident = app.As(login, TestData.StrongPassword);
        var volunteerId = (await resident.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        Assert.Equal(0, await UnreadAsync(resident));

        var number = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteerId}/approve", new { })).Expect(HttpStatusCode.OK).Text("volunteerNumber");

        var message = Assert.Single(await InboxAsync(resident));
        Assert.Equal(Text.Get("Notify.VolunteerApproved.Title"), message.GetProperty("title").GetString());
        Assert.Contains(number, message.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.False(message.GetProperty("isRead").GetBoolean());
    }

    [DatabaseFact]
    public async Task Rejecting_TellsThePersonTheReason()
    {
        var (personId, login) = await ResidentWithAccountAsync();
        var resident = app.As(login, TestData.StrongPassword);
        var volunteerId = (await resident.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;

        (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteerId}/reject", new { reason = "资料不全，请补充后再申请" })).Expect(HttpStatusCode.OK);

        var message = Assert.Single(await InboxAsync(resident));
        Assert.Contains("资料不全，请补充后再申请", message.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Reading_MarksOnlyOnesOwnMessages_AndAnothersAnswers404()
    {
        var (personId, login) = await ResidentWithAccountAsync();
        (await app.As(login, TestData.StrongPassword).PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created);
        var admin = app.As("village1");
        var message = (await InboxAsync(admin, unreadOnly: true))[0];
        var id = message.GetProperty("id").GetInt64();
        var before = await UnreadAsync(admin);

        (await app.As("village2").PostAsync($"/api/v1/notifications/{id}/read", new { })).ExpectProblem(HttpStatusCode.NotFound, "notification.not_found");
        (await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/notifications/{id}/read", new { })).ExpectProblem(HttpStatusCode.NotFound, "notification.not_found");
        Assert.Equal(before, await UnreadAsync(admin));

        var read = (await admin.PostAsync($"/api/v1/notifications/{id}/read", new { })).Expect(HttpStatusCode.OK);
        Assert.True(read.Json.GetProperty("isRead").GetBoolean());
        Assert.Equal(before - 1, await UnreadAsync(admin));

        (await admin.PostAsync("/api/v1/notifications/read-all", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, await UnreadAsync(admin));
        Assert.Empty(await InboxAsync(admin, unreadOnly: true));
    }

    [DatabaseFact]
    public async Task Preferences_DefaultTo24Hours_RefuseNonsenseInChinese_AndKeepAChoice()
    {
        var (_, login) = await ResidentWithAccountAsync();
        var resident = app.As(login, TestData.StrongPassword);
        var defaults = (await resident.GetAsync("/api/v1/notifications/preferences")).Expect(HttpStatusCode.OK);
        Assert.True(defaults.Json.GetProperty("activityReminders").GetBoolean());
        Assert.Equal(24, defaults.Json.GetProperty("reminderLeadHours").GetInt32());

        foreach (var hours in new[] { 0, 73, -5 })
        {
            var refused = await resident.PutAsync("/api/v1/notifications/preferences", new { activityReminders = true, reminderLeadHours = hours });
            refused.ExpectProblem(HttpStatusCode.BadRequest, "notification.lead_out_of_range");
            Assert.Equal(Text.Get("notification.lead_out_of_range", 72), Assert.Single(refused.FieldErrors("reminderLeadHours")));
        }

        Assert.Equal(24, (await resident.GetAsync("/api/v1/notifications/preferences")).Json.GetProperty("reminderLeadHours").GetInt32());
        (await resident.PutAsync("/api/v1/notifications/preferences", new { activityReminders = false, reminderLeadHours = 2 })).Expect(HttpStatusCode.OK);
        var kept = (await resident.GetAsync("/api/v1/notifications/preferences")).Expect(HttpStatusCode.OK);
        Assert.False(kept.Json.GetProperty("activityReminders").GetBoolean());
        Assert.Equal(2, kept.Json.GetProperty("reminderLeadHours").GetInt32());
    }

    [DatabaseFact]
    public async Task Preferences_OfAnAccountWithoutAPerson_Answer404()
    {
        (await app.As("center").GetAsync("/api/v1/notifications/preferences")).ExpectProblem(HttpStatusCode.NotFound, "notification.no_person");
    }

    [DatabaseFact]
    public async Task Inbox_NeedsASignedInCaller()
    {
        (await app.Anonymous().GetAsync("/api/v1/notifications")).Expect(HttpStatusCode.Unauthorized);
    }
}
