using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Issue 11: an activity is edited after creation, by state; the people signed up hear of a new time.</summary>
public sealed partial class JourneyTests
{
    private static object Edited(DateTimeOffset starts, int capacity = 30, string title = "改后的活动", string place = "新时代文明实践站") =>
        new { title, category = "PromotePolicy", place, startsAt = starts, endsAt = starts.AddHours(2), capacity, description = "改过的说明" };

    [DatabaseFact]
    public async Task EditingAPublishedActivitysTime_MovesIt_AndTellsTheVolunteerSignedUp()
    {
        var activity = await PublishedActivityAsync();
        var me = await DemoVolunteerIdAsync("volunteer4");
        (await app.As("volunteer4").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = me })).Expect(HttpStatusCode.Created);
        var later = Slot();

        var saved = (await app.As("village1").PutAsync($"/api/v1/activities/{activity}", Edited(later))).Expect(HttpStatusCode.OK);

        Assert.Equal("改后的活动", saved.Text("title"));
        Assert.Equal(later, saved.Json.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("Published", saved.Text("status"));
        var inbox = (await app.As("volunteer4").GetAsync("/api/v1/notifications?pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(inbox, n => n.GetProperty("title").GetString() == "活动时间变更：改后的活动" && n.GetProperty("link").GetString() == $"/activities/{activity}");
        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Activity&entityId={activity}")).Expect(HttpStatusCode.OK);
        Assert.Contains("改后的活动", audit.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Editing_BelowThePlacesTaken_OrWithBadInput_Is400_AndChangesNothing()
    {
        var activity = await PublishedActivityAsync();
        var me = await DemoVolunteerIdAsync("volunteer5");
        (await app.As("volunteer5").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = me })).Expect(HttpStatusCode.Created);
        var before = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        var starts = before.Json.GetProperty("startsAt").GetDateTimeOffset();

        var full = (await app.Admin.PutAsync($"/api/v1/activities/{activity}", Edited(starts, capacity: 0))).ExpectProblem(HttpStatusCode.BadRequest, "activity.capacity_invalid");
        Assert.NotEmpty(full.FieldErrors("capacity"));
        (await app.Admin.PutAsync($"/api/v1/activities/{activity}", new { title = "", category = "PromotePolicy", place = "x", startsAt = starts, endsAt = starts.AddHours(-1), capacity = 5 }))
            .Expect(HttpStatusCode.BadRequest);

        var after = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(before.Text("title"), after.Text("title"));
        Assert.Equal(30, after.Json.GetProperty("capacity").GetInt32());
    }

    [DatabaseFact]
    public async Task AnActivityUnderWay_KeepsItsTime_ButItsWordsMayChange_AndAFinishedOneIsNotEditable()
    {
        var activity = await PublishedActivityAsync();
        (await app.Admin.PostAsync($"/api/v1/activities/{activity}/start")).Expect(HttpStatusCode.OK);
        var now = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        var starts = now.Json.GetProperty("startsAt").GetDateTimeOffset();

        (await app.Admin.PutAsync($"/api/v1/activities/{activity}", Edited(starts.AddDays(1)))).ExpectProblem(HttpStatusCode.Conflict, "activity.times_locked");
        var words = (await app.Admin.PutAsync($"/api/v1/activities/{activity}", Edited(starts, place: "改到村委会"))).Expect(HttpStatusCode.OK);
        Assert.Equal("改到村委会", words.Text("place"));

        (await app.Admin.PostAsync($"/api/v1/activities/{activity}/finish")).Expect(HttpStatusCode.OK);
        (await app.Admin.PutAsync($"/api/v1/activities/{activity}", Edited(starts, place: "再改"))).ExpectProblem(HttpStatusCode.Conflict, "activity.not_editable");
    }

    [DatabaseFact]
    public async Task TheEditPage_ShowsTheForm_ToWhoManagesIt_AndSavesWithMessagesOnBadInput()
    {
        var activity = await PublishedActivityAsync();
        using var admin = await SignInAsync("village1");
        var detail = await admin.GetStringAsync($"/activities/{activity}");
        Assert.Contains($"href=\"/activities/{activity}/edit\"", detail, StringComparison.Ordinal);

        var form = await admin.GetStringAsync($"/activities/{activity}/edit");
        Assert.Contains("data-testid=\"activity-edit-form\"", form, StringComparison.Ordinal);
        Assert.Contains("改动时间后，已报名和候补的志愿者会收到通知", form, StringComparison.Ordinal);

        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var starts = Slot();
        Dictionary<string, string> Fields(string title) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = title,
            ["Input.Category"] = "PromotePolicy",
            ["Input.Place"] = "文化广场",
            ["Input.StartsAt"] = starts.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsAt"] = starts.AddHours(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Capacity"] = "40",
        };

        using var bad = await admin.PostAsync($"/activities/{activity}/edit", new FormUrlEncodedContent(Fields("")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var good = await admin.PostAsync($"/activities/{activity}/edit", new FormUrlEncodedContent(Fields("页面改名")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal("页面改名", after.Text("title"));
        Assert.Equal(40, after.Json.GetProperty("capacity").GetInt32());

        using var volunteer = await SignInAsync("volunteer1");
        Assert.DoesNotContain("/edit\"", await volunteer.GetStringAsync($"/activities/{activity}"), StringComparison.Ordinal);
        using var refused = await volunteer.GetAsync($"/activities/{activity}/edit");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    /// <summary>
    /// The detail page's way back leads to a list its reader can open: an admin's activities, or for the team leader
    /// who runs the team's activity, activities nearby. It once led the leader to the admins' list (无权访问).
    /// </summary>
    [DatabaseFact]
    public async Task TheDetailPage_LeadsBack_ToAListItsReaderCanOpen()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/teams?");
        var team = teams.Single(t => t.GetProperty("name").GetString() == "桃花村志愿服务队").GetProperty("id").GetInt64();
        var activity = await PublishedActivityAsync(team);

        foreach (var (login, back) in new[] { ("village1", "/activities"), ("leader1", "/activities/nearby") })
        {
            using var browser = await SignInAsync(login);
            var detail = await browser.GetStringAsync($"/activities/{activity}");
            Assert.Contains("data-testid=\"activity-actions\"", detail, StringComparison.Ordinal);
            Assert.True(detail.Contains($"href=\"{back}\">返回活动列表</a>", StringComparison.Ordinal), $"{login}: no way back to {back}");
            using var list = await browser.GetAsync(back);
            Assert.True(list.StatusCode == HttpStatusCode.OK, $"{login}: {back} answered {list.StatusCode}");
        }
    }
}
