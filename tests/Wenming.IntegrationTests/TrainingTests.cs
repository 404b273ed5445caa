using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Volunteer training (issue 17) through HTTP on both databases: API.md's two endpoints (201, 400 with Chinese field
/// messages, scope), the capacity and "already enrolled" under many sign-ups at once, attendance giving training hours
/// kept apart from service hours and stars, the certificate's training line, and a team category's course requirement
/// blocking and then allowing an activity sign-up.
/// </summary>
public sealed class TrainingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private long County => app.Demo.Unit("county");

    private static DateTimeOffset InDays(double days) => new(DateTimeOffset.UtcNow.ToOffset(China).Date.AddHours(9).AddDays(days), China);

    private async Task<long> SessionAsync(string by = "center", long? unit = null, double inDays = 7, decimal hours = 2, int capacity = 50, long? courseId = null) =>
        (await app.As(by).PostAsync("/api/v1/trainings", new
        {
            orgUnitId = unit ?? County,
            title = TestData.Name("培训"),
            startsAt = InDays(inDays),
            hours,
            trainer = "县红十字会 刘医生",
            capacity,
            courseId,
        })).Expect(HttpStatusCode.Created).Id;

    private async Task<long> ApprovedVolunteerAsync(string unitKey = "village1")
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("学员"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> OwnVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?status=Approved&");
        return Assert.Single(all, v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    private static decimal Hours(ApiResponse r, string property) => r.Json.GetProperty(property).GetDecimal();

    [DatabaseFact]
    public async Task Create_WithApiMdBody_Is201_BadInputIs400InChinese_AndOtherUnitsAreRefused()
    {
        var created = (await app.As("center").PostAsync("/api/v1/trainings", new { orgUnitId = County, title = "新志愿者岗前培训（测试）", startsAt = InDays(3), hours = 2.5m, trainer = "王丽" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(2.5m, Hours(created, "hours"));
        Assert.Equal(50, created.Json.GetProperty("capacity").GetInt32());
        (await app.As("volunteer1").GetAsync($"/api/v1/trainings/{created.Id}")).Expect(HttpStatusCode.OK);

        var before = (await app.As("center").GetAsync("/api/v1/trainings")).Expect(HttpStatusCode.OK).Total;
        var refused = (await app.As("center").PostAsync("/api/v1/trainings", new { hours = 0 })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        foreach (var field in new[] { "orgUnitId", "title", "startsAt", "hours", "trainer" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
        }

        Assert.Equal(before, (await app.As("center").GetAsync("/api/v1/trainings")).Expect(HttpStatusCode.OK).Total);

        // A village admin holds sessions for their own unit only; volunteers hold none; another county sees none.
        (await app.As("village1").PostAsync("/api/v1/trainings", new { orgUnitId = County, title = "越级", startsAt = InDays(3), hours = 1, trainer = "某" }))
            .ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        await SessionAsync("village1", app.Demo.Unit("village1"));
        (await app.As("volunteer1").PostAsync("/api/v1/trainings", new { orgUnitId = County, title = "志愿者", startsAt = InDays(3), hours = 1, trainer = "某" })).Expect(HttpStatusCode.Forbidden);
        var login = TestData.Login("trn2");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县中心管理员", role = "CenterAdmin", orgUnitId = app.Demo.Unit("county2") }))
            .Expect(HttpStatusCode.Created);
        var other = app.As(login, TestData.StrongPassword);
        (await other.GetAsync($"/api/v1/trainings/{created.Id}")).ExpectProblem(HttpStatusCode.NotFound, "training.not_found");
        Assert.DoesNotContain((await other.GetAsync("/api/v1/trainings?pageSize=100")).Expect(HttpStatusCode.OK).Items, t => t.GetProperty("id").GetInt64() == created.Id);
        (await other.PostAsync($"/api/v1/trainings/{created.Id}/attendees", new { volunteerId = await OwnVolunteerIdAsync("volunteer2") })).ExpectProblem(HttpStatusCode.NotFound, "training.not_found");

        // The village admin does not manage the county's session: no list of its places, no enrolling.
        (await app.As("village1").GetAsync($"/api/v1/trainings/{created.Id}/attendees")).Expect(HttpStatusCode.Forbidden);
        (await app.As("village1").PostAsync($"/api/v1/trainings/{created.Id}/attendees", new { volunteerId = await OwnVolunteerIdAsync("volunteer2") })).Expect(HttpStatusCode.Forbidden);
        var noVolunteer = (await app.As("center").PostAsync($"/api/v1/trainings/{created.Id}/attendees", new { })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(noVolunteer.FieldErrors("volunteerId")));
    }

    [DatabaseFact]
    public async Task TwentyVolunteersSigningUpAtOnce_ForFivePlaces_ExactlyFiveGetOne()
    {
        var session = await SessionAsync(capacity: 5);
        var volunteers = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            volunteers.Add(await ApprovedVolunteerAsync());
        }

        _ = await app.TokenAsync("center");
        var answers = await Task.WhenAll(volunteers.Select(v => app.As("center").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = v })));

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "training.full"));
        var read = (await app.As("center").GetAsync($"/api/v1/trainings/{session}")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, read.Json.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(0, read.Json.GetProperty("placesLeft").GetInt32());
        Assert.Equal(5, (await app.As("center").GetAsync($"/api/v1/trainings/{session}/attendees")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
    }

    [DatabaseFact]
    public async Task OneVolunteerSigningUpTenTimesAtOnce_GetsOnePlace_TheRestAre409AlreadyEnrolled()
    {
        var session = await SessionAsync(capacity: 30);
        var me = await OwnVolunteerIdAsync("volunteer3");
        _ = await app.TokenAsync("volunteer3");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.As("volunteer3").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = me })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "training.already_enrolled"));
        Assert.Equal(1, (await app.As("center").GetAsync($"/api/v1/trainings/{session}")).Expect(HttpStatusCode.OK).Json.GetProperty("enrolledCount").GetInt32());
        var again = (await app.As("center").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = me })).ExpectProblem(HttpStatusCode.Conflict, "training.already_enrolled");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", again.Json.GetProperty("detail").GetString() ?? again.Body);

        // A volunteer signs up only themselves.
        var other = await ApprovedVolunteerAsync();
        (await app.As("volunteer3").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = other })).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Attendance_GivesTrainingHours_ApartFromServiceHours_AndStarsStayTheSame_AndTheCertificateShowsThem()
    {
        var volunteer = await ApprovedVolunteerAsync();
        var record = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records",
            new { date = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "桃花村文化礼堂", content = "政策宣讲", hours = 3 })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);
        var before = (await app.Admin.GetAsync($"/api/v1/volunteers/{volunteer}")).Expect(HttpStatusCode.OK);

        // Held yesterday: the organiser adds who came and marks attendance; a future session cannot be marked yet.
        var held = await SessionAsync(inDays: -1, hours: 2.5m);
        var absent = await ApprovedVolunteerAsync();
        (await app.As("center").PostAsync($"/api/v1/trainings/{held}/attendees", new { volunteerId = volunteer })).Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync($"/api/v1/trainings/{held}/attendees", new { volunteerId = absent })).Expect(HttpStatusCode.Created);
        var marked = (await app.As("center").PostAsync($"/api/v1/trainings/{held}/attendance", new { volunteerIds = new[] { volunteer } })).Expect(HttpStatusCode.OK);
        Assert.Single(marked.Json.EnumerateArray(), t => t.GetProperty("attended").GetBoolean());
        var ahead = await SessionAsync(inDays: 2);
        (await app.As("center").PostAsync($"/api/v1/trainings/{ahead}/attendees", new { volunteerId = volunteer })).Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync($"/api/v1/trainings/{ahead}/attendance", new { volunteerIds = new[] { volunteer } })).ExpectProblem(HttpStatusCode.Conflict, "training.not_started");
        var notEnrolled = (await app.As("center").PostAsync($"/api/v1/trainings/{held}/attendance", new { volunteerIds = new[] { volunteer, await ApprovedVolunteerAsync() } }))
            .ExpectProblem(HttpStatusCode.BadRequest, "training.not_enrolled");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(notEnrolled.FieldErrors("volunteerIds")));

        var after = (await app.Admin.GetAsync($"/api/v1/volunteers/{volunteer}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Hours(before, "totalHours"), Hours(after, "totalHours"));
        Assert.Equal(before.Json.GetProperty("stars").GetInt32(), after.Json.GetProperty("stars").GetInt32());

        // The volunteer's own training: 2.5 hours from the attended session; the absent one has none.
        var personLogin = await LoginForAsync(volunteer);
        var mine = (await app.As(personLogin, TestData.StrongPassword).GetAsync("/api/v1/trainings/mine")).Expect(HttpStatusCode.OK);
        Assert.Equal(2.5m, Hours(mine, "hours"));
        Assert.Equal(1, mine.Json.GetProperty("attendedSessions").GetInt32());
        Assert.Equal(2, mine.Json.GetProperty("sessions").GetArrayLength());

        var text = await CertificateTextAsync(volunteer);
        Assert.Contains("培训时长（不计入服务时长）：2.5 小时", text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("累计服务时长：3 小时", text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task CourseRequiredForATeamCategory_BlocksTheActivitySignUp_UntilTheVolunteerAttended()
    {
        var course = (await app.As("center").PostAsync("/api/v1/training-courses", new { title = TestData.Name("法律明白人培训"), description = "民法典进万家" })).Expect(HttpStatusCode.Created);
        (await app.As("village1").PutAsync("/api/v1/training-courses/requirements", new { category = "Legal", courseId = course.Id })).Expect(HttpStatusCode.Forbidden);
        var set = (await app.As("center").PutAsync("/api/v1/training-courses/requirements", new { category = "Legal", courseId = course.Id })).Expect(HttpStatusCode.OK);
        Assert.Equal(course.Text("title"), set.Text("courseTitle"));

        var leader = await ApprovedVolunteerAsync();
        var team = (await app.As("village1").PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = TestData.Name("法律服务队"), category = "Legal", leaderVolunteerId = leader }))
            .Expect(HttpStatusCode.Created).Id;
        var starts = InDays(30);
        var activity = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            teamId = team,
            title = TestData.Name("普法"),
            category = "PromotePolicy",
            place = "村委会",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 20,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{activity}/publish")).Expect(HttpStatusCode.OK);

        var volunteer = await ApprovedVolunteerAsync();
        var blocked = (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = volunteer }))
            .ExpectProblem(HttpStatusCode.Conflict, "training.course_required");
        Assert.Contains($"需先完成培训课程《{course.Text("title")}》", blocked.Body, StringComparison.Ordinal);

        // Signed up but not yet attended still blocks; attended opens the way.
        var session = await SessionAsync(inDays: -2, courseId: course.Id);
        (await app.As("center").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = volunteer })).Expect(HttpStatusCode.Created);
        (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = volunteer })).ExpectProblem(HttpStatusCode.Conflict, "training.course_required");
        (await app.As("center").PostAsync($"/api/v1/trainings/{session}/attendance", new { volunteerIds = new[] { volunteer } })).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = volunteer })).Expect(HttpStatusCode.Created);

        // Lifting the requirement lets the others in too.
        var untrained = await ApprovedVolunteerAsync();
        (await app.As("center").PutAsync("/api/v1/training-courses/requirements", new { category = "Legal", courseId = (long?)null })).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = untrained })).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task Volunteer_SignsUpThemselves_ForAnOpenSession_AndWithdraws_ButNotOnceItBegan()
    {
        var session = await SessionAsync(inDays: 4, capacity: 3);
        var me = await OwnVolunteerIdAsync("volunteer4");
        var open = (await app.As("volunteer4").GetAsync("/api/v1/trainings?upcoming=true&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(open.Items, t => t.GetProperty("id").GetInt64() == session && !t.GetProperty("signedUp").GetBoolean());

        (await app.As("volunteer4").PostAsync($"/api/v1/trainings/{session}/attendees", new { volunteerId = me })).Expect(HttpStatusCode.Created);
        var read = (await app.As("volunteer4").GetAsync($"/api/v1/trainings/{session}")).Expect(HttpStatusCode.OK);
        Assert.True(read.Json.GetProperty("signedUp").GetBoolean());
        Assert.Equal(2, read.Json.GetProperty("placesLeft").GetInt32());
        (await app.As("volunteer4").SendAsync(HttpMethod.Delete, $"/api/v1/trainings/{session}/attendees/{me}", null)).Expect(HttpStatusCode.NoContent);
        Assert.Equal(3, (await app.As("volunteer4").GetAsync($"/api/v1/trainings/{session}")).Expect(HttpStatusCode.OK).Json.GetProperty("placesLeft").GetInt32());

        var begun = await SessionAsync(inDays: -1);
        (await app.As("volunteer4").PostAsync($"/api/v1/trainings/{begun}/attendees", new { volunteerId = me })).ExpectProblem(HttpStatusCode.Conflict, "training.started");
        (await app.As("resident1").GetAsync("/api/v1/trainings")).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Pages_VolunteerSeesTrainingHoursAndOpenSessions_AdminSeesSessions()
    {
        var session = await SessionAsync(inDays: 6);
        using var volunteer = await app.SignInToPagesAsync("volunteer5");
        var page = await volunteer.GetStringAsync("/trainings");
        Assert.Contains("我的培训时长", page, StringComparison.Ordinal);
        Assert.Contains($"sign-up-{session}", page, StringComparison.Ordinal);
        var record = await volunteer.GetStringAsync("/volunteers/me");
        Assert.Contains("培训时长", record, StringComparison.Ordinal);

        using var center = await app.SignInToPagesAsync("center");
        var list = await center.GetStringAsync("/trainings");
        Assert.Contains($"training-{session}", list, StringComparison.Ordinal);
        Assert.Contains("举办培训场次", list, StringComparison.Ordinal);
        Assert.Contains("报名名单与出勤", await center.GetStringAsync($"/trainings/{session}"), StringComparison.Ordinal);
        Assert.Contains("队伍类别的培训要求", await center.GetStringAsync("/trainings/courses"), StringComparison.Ordinal);
    }

    /// <summary>An account for the volunteer's person, so the test can act as them.</summary>
    private async Task<string> LoginForAsync(long volunteerId)
    {
        var personId = (await app.Admin.GetAsync($"/api/v1/volunteers/{volunteerId}")).Expect(HttpStatusCode.OK).Number("personId");
        var login = TestData.Login("trn");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "学员", role = "Volunteer", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);
        return login;
    }

    private async Task<string> CertificateTextAsync(long volunteerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/volunteers/{volunteerId}/certificate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"wm-trn-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
