using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests;

/// <summary>
/// The app once more over the fixture's database, with a clock the tests move: activities are signed up
/// for before they start (as in life), then the clock goes to the day of the activity to check in,
/// check out and finish. Tokens are signed in on this clocked host and dropped when the clock moves.
/// </summary>
public sealed class ClockedApp(AppFixture app) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private readonly TestClock _clock = new();
    private WebApplicationFactory<Program>? _factory;
    private HttpClient? _http;

    public DateTimeOffset Now => _clock.GetUtcNow();

    private HttpClient Http
    {
        get
        {
            if (_http is null)
            {
                _factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
                _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            }

            return _http;
        }
    }

    public void Set(DateTimeOffset now)
    {
        _clock.Shift = now - TimeProvider.System.GetUtcNow();
        _tokens.Clear();
    }

    public void Advance(TimeSpan by) => _clock.Shift += by;

    public ApiClient As(string login) => new(Http, async () => await _tokens.GetOrAdd(login, l => new Lazy<Task<string>>(async () =>
    {
        var signedIn = (await new ApiClient(Http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress)
            .PostAsync("/api/v1/auth/token", new { login = l, password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK);
        return signedIn.Text("accessToken");
    })).Value, AppFixture.ClientAddress);

    public void Dispose()
    {
        _http?.Dispose();
        _factory?.Dispose();
    }

    private sealed class TestClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }
}

/// <summary>Check-in and check-out, the rotating code, no-shows, and finishing into service records (DESIGN §4, RULES: hours capped by the span).</summary>
public sealed class AttendanceTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private static int _slot;
    private readonly ClockedApp _clocked = new(app);

    public void Dispose()
    {
        _clocked.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>9:00–11:00 China time on a day of its own, months ahead, so no two tests' activities overlap.</summary>
    private static DateTimeOffset Slot()
    {
        var n = Interlocked.Increment(ref _slot);
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(120 + n);
        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    private async Task<long> VolunteerAsync()
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("签到"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> DemoVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?");
        return all.Single(v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    /// <summary>A published 9:00–11:00 activity of 桃花村 with these volunteers signed up (now, before it starts).</summary>
    private Task<(long Id, DateTimeOffset Starts)> ActivityAsync(int capacity, params long[] volunteerIds) => ActivityAsync(null, capacity, volunteerIds);

    private async Task<(long Id, DateTimeOffset Starts)> ActivityAsync(long? teamId, int capacity, params long[] volunteerIds)
    {
        var starts = Slot();
        var id = (await app.As("village1").PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            teamId,
            title = TestData.Name("签到活动"),
            category = "ConvenienceService",
            place = "桃花村村委会",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        foreach (var v in volunteerIds)
        {
            (await app.As("village1").PostAsync($"/api/v1/activities/{id}/enrollments", new { volunteerId = v })).Expect(HttpStatusCode.Created);
        }

        return (id, starts);
    }

    private async Task<JsonElement> EnrollmentAsync(long activityId, long volunteerId) =>
        (await app.As("village1").GetAsync($"/api/v1/activities/{activityId}/enrollments")).Expect(HttpStatusCode.OK)
            .Json.EnumerateArray().Single(e => e.GetProperty("volunteerId").GetInt64() == volunteerId);

    private async Task<List<JsonElement>> RecordsOfAsync(long volunteerId, long activityId) =>
        [.. (await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/volunteers/{volunteerId}/service-records?"))
            .Where(r => r.GetProperty("source").GetProperty("kind").GetString() == "Activity" && r.GetProperty("source").GetProperty("id").GetInt64() == activityId)];

    private static bool IsNull(JsonElement e, string property) => !e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null;

    [DatabaseFact]
    public async Task Finish_CapsHoursByTheActivitySpan_MarksNoShows_AndCreatesOnePendingRecordPerAttendee()
    {
        var early = await VolunteerAsync();
        var partial = await VolunteerAsync();
        var neverOut = await VolunteerAsync();
        var absent = await VolunteerAsync();
        var (id, starts) = await ActivityAsync(10, early, partial, neverOut, absent);
        _clocked.Set(starts.AddHours(2).AddMinutes(50));
        var leader = _clocked.As("village1");

        // Early arrival and late departure: 8:30–11:40 counts 9:00–11:00 only.
        (await leader.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = early, at = starts.AddMinutes(-30) })).Expect(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = early, at = starts.AddMinutes(160) })).Expect(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = partial, at = starts.AddMinutes(30) })).Expect(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = partial, at = starts.AddMinutes(75) })).Expect(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = neverOut, at = starts.AddMinutes(10) })).Expect(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/activities/{id}/start")).Expect(HttpStatusCode.OK);

        var finished = (await leader.PostAsync($"/api/v1/activities/{id}/finish")).Expect(HttpStatusCode.OK);

        Assert.Equal("Finished", finished.Text("status"));
        var capped = Assert.Single(await RecordsOfAsync(early, id));
        Assert.Equal(2.00m, capped.GetProperty("hours").GetDecimal());
        Assert.Equal("Pending", capped.GetProperty("status").GetString());
        Assert.True(IsNull(capped, "confirmedAt"));
        Assert.Equal(starts.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), capped.GetProperty("date").GetString());
        Assert.Equal(0.75m, Assert.Single(await RecordsOfAsync(partial, id)).GetProperty("hours").GetDecimal());
        // Never checked out: counted to the end (9:10–11:00), and the record says so for the organizer.
        var open = Assert.Single(await RecordsOfAsync(neverOut, id));
        Assert.Equal(1.83m, open.GetProperty("hours").GetDecimal());
        Assert.Contains("未签退", open.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RecordsOfAsync(absent, id));
        Assert.True((await EnrollmentAsync(id, absent)).GetProperty("noShow").GetBoolean());
        Assert.False((await EnrollmentAsync(id, early)).GetProperty("noShow").GetBoolean());
        Assert.Equal(capped.GetProperty("id").GetInt64(), (await EnrollmentAsync(id, early)).GetProperty("serviceRecordId").GetInt64());

        // Finished: no more check-ins, and a second finish is a conflict that records nothing more.
        (await leader.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = absent })).ExpectProblem(HttpStatusCode.Conflict, "checkin.not_open");
        (await leader.PostAsync($"/api/v1/activities/{id}/finish")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
        (await leader.GetAsync($"/api/v1/activities/{id}/check-in-code")).ExpectProblem(HttpStatusCode.Conflict, "checkin.not_open");
        Assert.Single(await RecordsOfAsync(early, id));
    }

    [DatabaseFact]
    public async Task TheTeamLeaderFinishing_RecordsAttendeesFromOutsideTheirVillage_Too()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/teams?");
        var teamId = teams.Single(t => t.GetProperty("name").GetString() == "桃花村志愿服务队").GetProperty("id").GetInt64();
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("外村"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") }))
            .Expect(HttpStatusCode.Created).Id;
        var outsider = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{outsider}/approve")).Expect(HttpStatusCode.OK);
        var (id, starts) = await ActivityAsync(teamId, 5);
        (await app.Admin.PostAsync($"/api/v1/activities/{id}/enrollments", new { volunteerId = outsider })).Expect(HttpStatusCode.Created);
        _clocked.Set(starts.AddHours(2).AddMinutes(10));
        (await _clocked.As("center").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = outsider, at = starts })).Expect(HttpStatusCode.OK);
        (await _clocked.As("center").PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = outsider, at = starts.AddHours(1) })).Expect(HttpStatusCode.OK);
        (await _clocked.As("leader1").PostAsync($"/api/v1/activities/{id}/start")).Expect(HttpStatusCode.OK);

        (await _clocked.As("leader1").PostAsync($"/api/v1/activities/{id}/finish")).Expect(HttpStatusCode.OK);

        // The record belongs to the activity's village, where its organizers confirm it.
        var record = Assert.Single(await RecordsOfAsync(outsider, id));
        Assert.Equal(1.00m, record.GetProperty("hours").GetDecimal());
        Assert.Equal("Pending", record.GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task TwoFinishesAtOnce_CreateExactlyOneSetOfRecords_AndTheSecondAnswers409()
    {
        var volunteers = new[] { await VolunteerAsync(), await VolunteerAsync(), await VolunteerAsync() };
        var (id, starts) = await ActivityAsync(10, volunteers);
        _clocked.Set(starts.AddMinutes(125));
        var admin = _clocked.As("village1");
        foreach (var v in volunteers)
        {
            (await admin.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = v, at = starts })).Expect(HttpStatusCode.OK);
        }

        (await admin.PostAsync($"/api/v1/activities/{id}/start")).Expect(HttpStatusCode.OK);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _clocked.As(i % 2 == 0 ? "village1" : "town1").PostAsync($"/api/v1/activities/{id}/finish")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition"));
        foreach (var v in volunteers)
        {
            var record = Assert.Single(await RecordsOfAsync(v, id));
            Assert.Equal(2.00m, record.GetProperty("hours").GetDecimal());
            Assert.Equal("Pending", record.GetProperty("status").GetString());
        }
    }

    [DatabaseFact]
    public async Task CheckInsRacingAFinish_EitherCountOrAreRefused_NeverLandAfterTheRecords()
    {
        var volunteers = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            volunteers.Add(await VolunteerAsync());
        }

        var (id, starts) = await ActivityAsync(10, [.. volunteers]);
        _clocked.Set(starts.AddMinutes(90));
        var admin = _clocked.As("village1");
        (await admin.PostAsync($"/api/v1/activities/{id}/start")).Expect(HttpStatusCode.OK);

        var checkIns = volunteers.Select(v => admin.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = v, at = starts })).ToList();
        var finish = admin.PostAsync($"/api/v1/activities/{id}/finish");
        var answers = await Task.WhenAll(checkIns);
        (await finish).Expect(HttpStatusCode.OK);

        // Every volunteer is exactly one of: checked in before the finish (and has a record), or a no-show refused with not_open.
        for (var i = 0; i < volunteers.Count; i++)
        {
            var enrollment = await EnrollmentAsync(id, volunteers[i]);
            var records = await RecordsOfAsync(volunteers[i], id);
            if (answers[i].Status == HttpStatusCode.OK)
            {
                Assert.False(enrollment.GetProperty("noShow").GetBoolean());
                Assert.Equal(2.00m, Assert.Single(records).GetProperty("hours").GetDecimal());
            }
            else
            {
                answers[i].ExpectProblem(HttpStatusCode.Conflict, "checkin.not_open");
                Assert.True(enrollment.GetProperty("noShow").GetBoolean());
                Assert.True(IsNull(enrollment, "checkedInAt"));
                Assert.Empty(records);
            }
        }
    }

    [DatabaseFact]
    public async Task ManualCheckIn_IsRecordedAsManual_WithWhoDidIt_AndTheListShowsIt()
    {
        var volunteer = await VolunteerAsync();
        var (id, starts) = await ActivityAsync(5, volunteer);
        _clocked.Set(starts.AddMinutes(5));

        var checkedIn = (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = volunteer })).Expect(HttpStatusCode.OK);

        Assert.Equal("Manual", checkedIn.Text("checkInMethod"));
        Assert.Equal(app.Demo.Account("village1"), checkedIn.Number("checkedInBy"));
        var at = checkedIn.Json.GetProperty("checkedInAt").GetDateTimeOffset();
        Assert.InRange(at, _clocked.Now.AddMinutes(-1), _clocked.Now);
        Assert.EndsWith("+08:00", checkedIn.Text("checkedInAt"), StringComparison.Ordinal);
        var listed = await EnrollmentAsync(id, volunteer);
        Assert.Equal(at, listed.GetProperty("checkedInAt").GetDateTimeOffset());
        Assert.True(IsNull(listed, "checkedOutAt"));

        // Twice is refused; out before in is refused; then out works and is Manual too.
        (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.Conflict, "checkin.already");
        var backwards = (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = volunteer, at = starts.AddMinutes(-10) }))
            .ExpectProblem(HttpStatusCode.BadRequest, "checkin.out_before_in");
        Assert.Equal("签退时间不能早于签到时间。", Assert.Single(backwards.FieldErrors("at")));
        var left = (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = volunteer })).Expect(HttpStatusCode.OK);
        Assert.Equal("Manual", left.Text("checkOutMethod"));

        // Attendance is evidence: the place can no longer be given up.
        (await _clocked.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/activities/{id}/enrollments/{volunteer}", null))
            .ExpectProblem(HttpStatusCode.Conflict, "checkin.attended_cannot_cancel");
        Assert.False(IsNull(await EnrollmentAsync(id, volunteer), "checkedOutAt"));
    }

    [DatabaseFact]
    public async Task TheTeamLeader_ChecksInByHand_OnlyForTheirTeamsActivity_AndOtherUnitsAndRolesCannot()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/teams?");
        var teamId = teams.Single(t => t.GetProperty("name").GetString() == "桃花村志愿服务队").GetProperty("id").GetInt64();
        var volunteer = await VolunteerAsync();
        var (teamActivity, starts) = await ActivityAsync(teamId, 5, volunteer);
        var (otherActivity, _) = await ActivityAsync(5, await VolunteerAsync());
        _clocked.Set(starts.AddMinutes(20));

        var byLeader = (await _clocked.As("leader1").PostAsync($"/api/v1/activities/{teamActivity}/check-ins", new { volunteerId = volunteer, at = starts }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Manual", byLeader.Text("checkInMethod"));
        Assert.Equal(app.Demo.Account("leader1"), byLeader.Number("checkedInBy"));
        Assert.Equal(starts, byLeader.Json.GetProperty("checkedInAt").GetDateTimeOffset());
        (await _clocked.As("leader1").GetAsync($"/api/v1/activities/{teamActivity}/check-in-code")).Expect(HttpStatusCode.OK);
        // The audit log names who recorded the arrival and how.
        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Enrollment&userId={app.Demo.Account("leader1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(audit.Items, e => e.GetProperty("changes").GetRawText().Contains("\"Manual\"", StringComparison.Ordinal));

        (await _clocked.As("leader1").PostAsync($"/api/v1/activities/{otherActivity}/check-ins", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await _clocked.As("village2").PostAsync($"/api/v1/activities/{teamActivity}/check-outs", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await _clocked.As("village2").PostAsync($"/api/v1/activities/{teamActivity}/finish")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await _clocked.As("village2").GetAsync($"/api/v1/activities/{teamActivity}/check-in-code")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await _clocked.As("resident1").PostAsync($"/api/v1/activities/{teamActivity}/check-outs", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await _clocked.As("volunteer1").PostAsync($"/api/v1/activities/{teamActivity}/finish")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.True(IsNull(await EnrollmentAsync(teamActivity, volunteer), "checkedOutAt"));
    }

    [DatabaseFact]
    public async Task CheckOut_BeforeCheckIn_AndWaitlisted_AndNotEnrolled_AreRefused()
    {
        var placed = await VolunteerAsync();
        var waiting = await VolunteerAsync();
        var stranger = await VolunteerAsync();
        var (id, starts) = await ActivityAsync(1, placed, waiting);
        _clocked.Set(starts.AddMinutes(1));
        var admin = _clocked.As("village1");

        var notIn = (await admin.PostAsync($"/api/v1/activities/{id}/check-outs", new { volunteerId = placed })).ExpectProblem(HttpStatusCode.Conflict, "checkin.not_checked_in");
        Assert.Equal("还没有签到，不能签退。请先签到。", notIn.Json.GetProperty("detail").GetString());
        (await admin.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = waiting })).ExpectProblem(HttpStatusCode.Conflict, "checkin.waitlisted");
        (await admin.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = stranger })).ExpectProblem(HttpStatusCode.Conflict, "checkin.not_enrolled");
        var missing = (await admin.PostAsync($"/api/v1/activities/{id}/check-ins", new { })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.NotEmpty(missing.FieldErrors("volunteerId"));
        Assert.True(IsNull(await EnrollmentAsync(id, waiting), "checkedInAt"));
    }

    [DatabaseFact]
    public async Task CheckIn_OutsideTheWindow_OrAtAFutureOrFarTime_IsRefused()
    {
        var volunteer = await VolunteerAsync();
        var (id, starts) = await ActivityAsync(3, volunteer);
        _clocked.Set(starts.AddHours(-2));
        (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.Conflict, "checkin.not_open");

        _clocked.Set(starts.AddMinutes(30));
        var future = (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = volunteer, at = starts.AddHours(1) }))
            .ExpectProblem(HttpStatusCode.BadRequest, "checkin.at_in_future");
        Assert.Equal("签到（签退）时间不能晚于当前时间。", Assert.Single(future.FieldErrors("at")));
        (await _clocked.As("village1").PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = volunteer, at = starts.AddHours(-3) }))
            .ExpectProblem(HttpStatusCode.BadRequest, "checkin.at_outside_window");
        Assert.True(IsNull(await EnrollmentAsync(id, volunteer), "checkedInAt"));
    }

    [DatabaseFact]
    public async Task Volunteer_ChecksInWithTheCurrentCode_NotWithAForgedOrExpiredOne_NorWithAnEarlierTime()
    {
        var me = await DemoVolunteerIdAsync("volunteer4");
        var other = await VolunteerAsync();
        var (id, starts) = await ActivityAsync(5, me, other);
        _clocked.Set(starts.AddMinutes(3));
        var volunteer = _clocked.As("volunteer4");

        // The organizer's screen: a code, when it expires, and the scan page's absolute URL.
        var code = (await _clocked.As("village1").GetAsync($"/api/v1/activities/{id}/check-in-code")).Expect(HttpStatusCode.OK);
        var token = code.Text("token");
        Assert.Equal($"http://localhost/activities/{id}/scan?t={Uri.EscapeDataString(token)}", code.Text("url"));
        Assert.InRange(code.Json.GetProperty("expiresAt").GetDateTimeOffset(), _clocked.Now.AddSeconds(30), _clocked.Now.AddSeconds(61));
        (await volunteer.GetAsync($"/api/v1/activities/{id}/check-in-code")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var forged = (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = me, token = "AAAAAAAAAAAAAAAA" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "checkin.token_invalid");
        Assert.Equal("签到二维码已过期或无效，请重新扫描现场二维码。", Assert.Single(forged.FieldErrors("token")));
        (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = me })).ExpectProblem(HttpStatusCode.BadRequest, "checkin.token_invalid");
        (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = me, token, at = starts })).ExpectProblem(HttpStatusCode.Forbidden, "checkin.at_not_allowed");
        (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = other, token })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        // A minute later the code has rotated twice: refused, and nothing was recorded.
        _clocked.Advance(TimeSpan.FromSeconds(61));
        (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = me, token })).ExpectProblem(HttpStatusCode.BadRequest, "checkin.token_invalid");
        Assert.True(IsNull(await EnrollmentAsync(id, me), "checkedInAt"));

        var fresh = (await _clocked.As("village1").GetAsync($"/api/v1/activities/{id}/check-in-code")).Expect(HttpStatusCode.OK).Text("token");
        var checkedIn = (await volunteer.PostAsync($"/api/v1/activities/{id}/check-ins", new { volunteerId = me, token = fresh })).Expect(HttpStatusCode.OK);
        Assert.Equal("Qr", checkedIn.Text("checkInMethod"));
        Assert.Equal(app.Demo.Account("volunteer4"), checkedIn.Number("checkedInBy"));
        Assert.False(IsNull(await EnrollmentAsync(id, me), "checkedInAt"));
    }
}
