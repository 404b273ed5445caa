using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Activities and enrollment (DESIGN §4): capacity and waiting list under concurrency, duplicates, overlaps, windows, transitions, scope, nearby.</summary>
public sealed class ActivityTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _slot;

    /// <summary>A fresh two-hour slot weeks ahead, so activities of different tests never overlap by accident.</summary>
    private static DateTimeOffset Slot()
    {
        var n = Interlocked.Increment(ref _slot);
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(40 + n);
        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    private async Task<long> VolunteerAsync(string unitKey = "village1", bool approve = true)
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("活动"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        if (approve)
        {
            (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        }

        return id;
    }

    private async Task<List<long>> VolunteersAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i += 10)
        {
            ids.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(10, count - i)).Select(_ => VolunteerAsync())));
        }

        return ids;
    }

    private async Task<long> DemoVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?");
        return all.Single(v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    private Task<ApiResponse> CreateAsync(string unitKey = "village1", string by = "village1", int capacity = 10, int? waitlistCapacity = null, DateTimeOffset? startsAt = null, DateTimeOffset? signUpEndsAt = null)
    {
        var starts = startsAt ?? Slot();
        return app.As(by).PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit(unitKey),
            title = TestData.Name("活动"),
            category = "PromotePolicy",
            place = "文化大院",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity,
            waitlistCapacity,
            signUpEndsAt,
            description = "政策宣讲",
        });
    }

    private async Task<long> PublishedAsync(string unitKey = "village1", int capacity = 10, int? waitlistCapacity = null, DateTimeOffset? startsAt = null)
    {
        var id = (await CreateAsync(unitKey, "admin", capacity, waitlistCapacity, startsAt)).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        return id;
    }

    private Task<ApiResponse> EnrollAsync(long activityId, long volunteerId, string by = "village1") =>
        app.As(by).PostAsync($"/api/v1/activities/{activityId}/enrollments", new { volunteerId });

    private async Task<List<JsonElement>> EnrollmentsAsync(long activityId) =>
        [.. (await app.Admin.GetAsync($"/api/v1/activities/{activityId}/enrollments")).Expect(HttpStatusCode.OK).Json.EnumerateArray()];

    [DatabaseFact]
    public async Task Create_IsADraftShownInChinaTime()
    {
        var starts = Slot();
        var created = (await CreateAsync(startsAt: starts)).Expect(HttpStatusCode.Created);

        Assert.Equal("Draft", created.Text("status"));
        Assert.Equal("宣传宣讲党的政策", created.Text("categoryLabel"));
        Assert.EndsWith("+08:00", created.Text("startsAt"), StringComparison.Ordinal);
        Assert.Equal(starts, created.Json.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(10, created.Json.GetProperty("waitlistCapacity").GetInt32());
        var fetched = (await app.As("village1").GetAsync($"/api/v1/activities/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, fetched.Json.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(0, fetched.Json.GetProperty("waitlistCount").GetInt32());
        var listed = (await app.As("village1").GetAsync($"/api/v1/activities?orgUnitId={app.Demo.Unit("village1")}&status=Draft&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(listed.Items, a => a.GetProperty("id").GetInt64() == created.Id);
    }

    [DatabaseFact]
    public async Task List_FindsByPartOfTheTitle_WithinScope_AndShowsFinishedOnesMostRecentFirst()
    {
        var village = app.Demo.Unit("village1");
        var finished = (await app.As("village1").GetAsync($"/api/v1/activities?orgUnitId={village}&status=Finished&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.True(finished.Count > 20, "the demo's year of history gives a village more than a page of finished activities");
        var starts = finished.Select(a => a.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        Assert.Equal(starts.OrderDescending(), starts);

        var found = (await app.As("village1").GetAsync($"/api/v1/activities?status=Finished&q={Uri.EscapeDataString(" 垃圾分类 ")}")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(found, a => a.GetProperty("title").GetString() == "垃圾分类入户宣传");
        Assert.All(found, a => Assert.Contains("垃圾分类", a.GetProperty("title").GetString(), StringComparison.Ordinal));

        // The text is matched literally (a % is no wildcard), and another township's admin finds none of this village's.
        Assert.Empty((await app.As("village1").GetAsync($"/api/v1/activities?q={Uri.EscapeDataString("%")}")).Expect(HttpStatusCode.OK).Items);
        Assert.DoesNotContain((await app.As("town2").GetAsync($"/api/v1/activities?q={Uri.EscapeDataString("垃圾分类入户")}")).Expect(HttpStatusCode.OK).Items,
            a => a.GetProperty("orgUnitId").GetInt64() == village);
    }

    [DatabaseFact]
    public async Task Create_WithBadTimesOrCapacity_Answers400()
    {
        var starts = Slot();
        (await app.Admin.PostAsync("/api/v1/activities", new { orgUnitId = app.Demo.Unit("village1"), title = "倒置", category = "StudyTheory", place = "村委会", startsAt = starts, endsAt = starts.AddHours(-1), capacity = 5 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "activity.ends_before_start");
        (await app.Admin.PostAsync("/api/v1/activities", new { orgUnitId = app.Demo.Unit("village1"), title = "过大", category = "StudyTheory", place = "村委会", startsAt = starts, endsAt = starts.AddHours(1), capacity = 10_001 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "activity.capacity_invalid");
    }

    [DatabaseFact]
    public async Task FiftyConcurrentSignUps_ForTenPlaces_GiveTenPlacesAndFortyOrderedPositions_AndACancellationPromotesTheFirst()
    {
        var volunteers = await VolunteersAsync(50);
        var activity = await PublishedAsync(capacity: 10, waitlistCapacity: 40);

        var answers = await Task.WhenAll(volunteers.Select(v => EnrollAsync(activity, v)));

        Assert.All(answers, a => a.Expect(HttpStatusCode.Created));
        Assert.Equal(10, answers.Count(a => a.Text("status") == "Enrolled"));
        var positions = answers.Where(a => a.Text("status") == "Waitlisted").Select(a => a.Json.GetProperty("position").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), positions);
        var fetched = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, fetched.Json.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(40, fetched.Json.GetProperty("waitlistCount").GetInt32());
        var listed = await EnrollmentsAsync(activity);
        Assert.Equal(10, listed.Count(e => e.GetProperty("status").GetString() == "Enrolled"));
        Assert.Equal(Enumerable.Range(1, 40), listed.Where(e => e.GetProperty("status").GetString() == "Waitlisted").Select(e => e.GetProperty("position").GetInt32()));

        var leaving = listed.First(e => e.GetProperty("status").GetString() == "Enrolled").GetProperty("volunteerId").GetInt64();
        var first = listed.Single(e => e.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number && p.GetInt32() == 1).GetProperty("volunteerId").GetInt64();
        (await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/activities/{activity}/enrollments/{leaving}", null)).Expect(HttpStatusCode.NoContent);

        var after = await EnrollmentsAsync(activity);
        Assert.DoesNotContain(after, e => e.GetProperty("volunteerId").GetInt64() == leaving);
        Assert.Equal("Enrolled", after.Single(e => e.GetProperty("volunteerId").GetInt64() == first).GetProperty("status").GetString());
        Assert.Equal(10, after.Count(e => e.GetProperty("status").GetString() == "Enrolled"));
        var counts = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, counts.Json.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(39, counts.Json.GetProperty("waitlistCount").GetInt32());

        // The cancellation and the promotion are single set-based statements, yet both are in the audit log.
        var log = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/audit-entries?entityType=Enrollment&");
        Assert.Contains(log, e => e.GetProperty("action").GetString() == "Deleted" && e.GetProperty("login").GetString() == "village1"
            && e.GetProperty("changes").GetProperty("VolunteerId").GetInt64() == leaving);
        Assert.Contains(log, e => e.GetProperty("action").GetString() == "Updated"
            && e.GetProperty("changes").GetProperty("Status").GetProperty("new").GetString() == "Enrolled");
    }

    [DatabaseFact]
    public async Task RaisingThePlaces_MovesTheFirstWaitingIn_InTheirOrder_AlsoWhileOthersSignUpAtOnce()
    {
        var volunteers = await VolunteersAsync(12);
        var activity = await PublishedAsync(capacity: 2, waitlistCapacity: 4);
        foreach (var v in volunteers.Take(6))
        {
            (await EnrollAsync(activity, v)).Expect(HttpStatusCode.Created);
        }

        var before = await EnrollmentsAsync(activity);
        long Waiting(int position) => before.Single(e => e.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number && p.GetInt32() == position)
            .GetProperty("volunteerId").GetInt64();
        var (first, second, third) = (Waiting(1), Waiting(2), Waiting(3));
        var shown = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        var starts = shown.Json.GetProperty("startsAt").GetDateTimeOffset();
        var raise = app.As("village1").PutAsync($"/api/v1/activities/{activity}", new
        {
            title = shown.Text("title"),
            category = "PromotePolicy",
            place = shown.Text("place"),
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 4,
            waitlistCapacity = 4,
        });
        var newcomers = volunteers.Skip(6).Select(v => EnrollAsync(activity, v)).ToList();

        (await raise).Expect(HttpStatusCode.OK);
        await Task.WhenAll(newcomers);

        // The two places added went to the first two waiting, whatever the newcomers' timing; nobody is overbooked.
        var after = await EnrollmentsAsync(activity);
        var enrolled = after.Where(e => e.GetProperty("status").GetString() == "Enrolled").Select(e => e.GetProperty("volunteerId").GetInt64()).ToList();
        Assert.Equal(4, enrolled.Count);
        Assert.Contains(first, enrolled);
        Assert.Contains(second, enrolled);
        Assert.DoesNotContain(third, enrolled);
        Assert.All(newcomers, n => Assert.True(n.Result.Code == "activity.full" || n.Result.Text("status") == "Waitlisted", n.Result.Body));
        var counts = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, counts.Json.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(after.Count(e => e.GetProperty("status").GetString() == "Waitlisted"), counts.Json.GetProperty("waitlistCount").GetInt32());
        var log = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/audit-entries?entityType=Enrollment&");
        Assert.Contains(log, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1"
            && e.GetProperty("changes").GetProperty("Status").GetProperty("new").GetString() == "Enrolled");
    }

    [DatabaseFact]
    public async Task ConcurrentSignUps_BeyondPlacesAndWaitingList_AreRefusedAsFull()
    {
        var volunteers = await VolunteersAsync(20);
        var activity = await PublishedAsync(capacity: 5, waitlistCapacity: 5);

        var answers = await Task.WhenAll(volunteers.Select(v => EnrollAsync(activity, v)));

        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(5, created.Count(a => a.Text("status") == "Enrolled"));
        Assert.Equal(Enumerable.Range(1, 5), created.Where(a => a.Text("status") == "Waitlisted").Select(a => a.Json.GetProperty("position").GetInt32()).Order());
        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(10, refused.Count);
        Assert.All(refused, r => r.ExpectProblem(HttpStatusCode.Conflict, "activity.full"));
        var fetched = (await app.Admin.GetAsync($"/api/v1/activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, fetched.Json.GetProperty("enrolledCount").GetInt32());
    }

    [DatabaseFact]
    public async Task Duplicate_IsRefused_AlsoWhenFiredConcurrently()
    {
        var volunteer = await VolunteerAsync();
        var activity = await PublishedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EnrollAsync(activity, volunteer)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "enrollment.duplicate"));
        (await EnrollAsync(activity, volunteer)).ExpectProblem(HttpStatusCode.Conflict, "enrollment.duplicate");
        Assert.Single(await EnrollmentsAsync(activity));
    }

    [DatabaseFact]
    public async Task Overlap_IsRefused_AlsoWhenFiredConcurrently()
    {
        var volunteer = await VolunteerAsync();
        var starts = Slot();
        var first = await PublishedAsync(startsAt: starts);
        var overlapping = await PublishedAsync(startsAt: starts.AddHours(1));
        var later = await PublishedAsync(startsAt: starts.AddHours(3));

        var answers = await Task.WhenAll(EnrollAsync(first, volunteer), EnrollAsync(overlapping, volunteer));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Single(answers, a => a.Code == "enrollment.overlap");
        // Back to back (whichever of the two won ends by 12:00, the next starts at 12:00) is no overlap.
        (await EnrollAsync(later, volunteer)).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task SignUp_ForADraft_OrAfterTheWindow_IsClosed_AndForAPendingVolunteer_IsAConflict()
    {
        var volunteer = await VolunteerAsync();
        var draft = (await CreateAsync()).Expect(HttpStatusCode.Created).Id;
        (await EnrollAsync(draft, volunteer)).ExpectProblem(HttpStatusCode.Conflict, "activity.signup_closed");

        var closed = (await CreateAsync(signUpEndsAt: TimeProvider.System.GetUtcNow().AddHours(-1))).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/activities/{closed}/publish")).Expect(HttpStatusCode.OK);
        (await EnrollAsync(closed, volunteer)).ExpectProblem(HttpStatusCode.Conflict, "activity.signup_closed");

        var pending = await VolunteerAsync(approve: false);
        (await EnrollAsync(await PublishedAsync(), pending)).ExpectProblem(HttpStatusCode.Conflict, "enrollment.volunteer_not_approved");
    }

    [DatabaseFact]
    public async Task Transitions_PublishTwice_AndCancel_FollowTheTable()
    {
        var id = (await CreateAsync()).Expect(HttpStatusCode.Created).Id;

        Assert.Equal("Published", (await app.As("village1").PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK).Text("status"));
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/publish")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
        Assert.Equal("Cancelled", (await app.As("village1").PostAsync($"/api/v1/activities/{id}/cancel")).Expect(HttpStatusCode.OK).Text("status"));
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/cancel")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/publish")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
        (await EnrollAsync(id, await VolunteerAsync())).ExpectProblem(HttpStatusCode.Conflict, "activity.signup_closed");
    }

    [DatabaseFact]
    public async Task Scope_OtherVillagesAdmin_SeesNothing_AndResidentsCannotCreate()
    {
        (await CreateAsync("village1", by: "village2")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await CreateAsync("village1", by: "resident1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var id = (await CreateAsync()).Expect(HttpStatusCode.Created).Id;
        (await app.As("village2").GetAsync($"/api/v1/activities/{id}")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await app.As("village2").PostAsync($"/api/v1/activities/{id}/publish")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await app.As("village2").GetAsync($"/api/v1/activities/{id}/enrollments")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
    }

    [DatabaseFact]
    public async Task Nearby_ListsPublishedActivitiesOnTheVolunteersPath_NearestFirst_AndTheyJoinOnlyThemselves()
    {
        var county = await PublishedAsync("county");
        var township = await PublishedAsync("township1");
        var village = await PublishedAsync("village1");
        var elsewhere = await PublishedAsync("village2");
        var draft = (await CreateAsync("village1")).Expect(HttpStatusCode.Created).Id;

        var nearby = await DemoMap.AllItemsAsync(app.As("volunteer4"), "/api/v1/activities/nearby?");
        var ids = nearby.Select(n => n.GetProperty("activity").GetProperty("id").GetInt64()).ToList();
        Assert.DoesNotContain(elsewhere, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.True(ids.IndexOf(village) >= 0 && ids.IndexOf(village) < ids.IndexOf(township) && ids.IndexOf(township) < ids.IndexOf(county), string.Join(",", ids));

        var me = await DemoVolunteerIdAsync("volunteer4");
        (await app.As("volunteer4").GetAsync($"/api/v1/activities/{county}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Enrolled", (await EnrollAsync(county, me, by: "volunteer4")).Expect(HttpStatusCode.Created).Text("status"));
        (await EnrollAsync(township, await DemoVolunteerIdAsync("volunteer5"), by: "volunteer4")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var mine = (await DemoMap.AllItemsAsync(app.As("volunteer4"), "/api/v1/activities/nearby?")).Single(n => n.GetProperty("activity").GetProperty("id").GetInt64() == county);
        Assert.Equal("Enrolled", mine.GetProperty("myStatus").GetString());

        (await app.As("volunteer4").SendAsync(HttpMethod.Delete, $"/api/v1/activities/{county}/enrollments/{me}", null)).Expect(HttpStatusCode.NoContent);
        Assert.Equal(0, (await app.Admin.GetAsync($"/api/v1/activities/{county}")).Expect(HttpStatusCode.OK).Json.GetProperty("enrolledCount").GetInt32());
    }
}
