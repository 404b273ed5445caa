using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>Volunteer registration and approval (DESIGN §4, RULES.md Volunteers): age rules, numbers, review, scope.</summary>
public sealed class VolunteerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static int _day;

    /// <summary>
    /// Born <paramref name="years"/> years and 1–300 days before today, so the age is exactly that; the day
    /// varies because a test ID number is unique only by its birth date.
    /// </summary>
    private static DateOnly Aged(int years) => Today.AddYears(-years).AddDays(-1 - (Interlocked.Increment(ref _day) % 300));

    private async Task<long> PersonAsync(string unitKey = "village1", int age = 30, string registrar = "admin") =>
        (await app.As(registrar).PostAsync("/api/v1/people", new { name = TestData.Name("志愿"), idNumber = TestData.IdNumber(Aged(age)), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;

    private async Task<long> RegisterAsync(string unitKey = "village1", int age = 30) =>
        (await app.Admin.PostAsync("/api/v1/volunteers", new { personId = await PersonAsync(unitKey, age), skills = "摄影" })).Expect(HttpStatusCode.Created).Id;

    [DatabaseFact]
    public async Task Register_AnAdult_IsPendingWithoutANumber_AndKeepsTheDetails()
    {
        var personId = await PersonAsync();

        var created = (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId, skills = "摄影", serviceAreas = "助老", availability = "周末" }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal("Pending", created.Text("status"));
        Assert.Equal(personId, created.Number("personId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.Json.GetProperty("volunteerNumber").ValueKind);
        Assert.Equal("摄影", created.Text("skills"));
        Assert.Equal("周末", created.Text("availability"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.Json.GetProperty("guardian").ValueKind);
        var fetched = (await app.As("village1").GetAsync($"/api/v1/volunteers/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, fetched.Json.GetProperty("totalHours").GetDecimal());
        Assert.Equal(0, fetched.Json.GetProperty("stars").GetInt32());
    }

    [DatabaseFact]
    public async Task Register_Under14_IsRefusedAsTooYoung()
    {
        var personId = await PersonAsync(age: 13);

        var refused = await app.Admin.PostAsync("/api/v1/volunteers", new { personId, guardian = new { name = "张父", relation = "父亲", phone = TestData.Phone() } });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "volunteer.too_young");
        Assert.Equal(Text.Get("volunteer.too_young", 14), refused.Text("detail"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
    }

    [DatabaseFact]
    public async Task Register_AMinorWithoutAGuardian_IsRefused_AndWithOne_IsRecorded()
    {
        var personId = await PersonAsync(age: 15);

        (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).ExpectProblem(HttpStatusCode.BadRequest, "volunteer.guardian_required");
        var guardianPhone = TestData.Phone();
        var created = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId, guardian = new { name = "李母", relation = "母亲", phone = guardianPhone } }))
            .Expect(HttpStatusCode.Created);

        var guardian = created.Json.GetProperty("guardian");
        Assert.Equal("李母", guardian.GetProperty("name").GetString());
        Assert.Equal("母亲", guardian.GetProperty("relation").GetString());
        Assert.Equal(guardianPhone, guardian.GetProperty("phone").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, guardian.GetProperty("consentAt").ValueKind);

        // Audited, but the guardian's name and phone are personal information: the log only says they were set.
        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Volunteer&entityId={created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Created", Assert.Single(audit.Items).GetProperty("action").GetString());
        Assert.DoesNotContain(guardianPhone, audit.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("李母", audit.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Register_AMinorWithABadGuardianPhone_Answers400OnThatField()
    {
        var personId = await PersonAsync(age: 17);

        var refused = await app.Admin.PostAsync("/api/v1/volunteers", new { personId, guardian = new { name = "王父", relation = "父亲", phone = "12345" } });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "volunteer.guardian_phone_invalid");
        Assert.NotEmpty(refused.FieldErrors("guardian.phone"));
    }

    [DatabaseFact]
    public async Task Register_ThePersonTwice_AnswersConflict()
    {
        var personId = await PersonAsync();
        (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created);

        (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId })).ExpectProblem(HttpStatusCode.Conflict, "volunteer.duplicate");
    }

    [DatabaseFact]
    public async Task Resident_RegistersThemselves_ButNotSomeoneElse()
    {
        var other = await PersonAsync();
        (await app.As("resident2").PostAsync("/api/v1/volunteers", new { personId = other })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var me = (await app.As("resident2").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var mine = (await app.As("resident2").PostAsync("/api/v1/volunteers", new { personId = me, skills = "唱歌" })).Expect(HttpStatusCode.Created);

        (await app.As("resident2").GetAsync($"/api/v1/volunteers/{mine.Id}")).Expect(HttpStatusCode.OK);
        var someoneElses = await RegisterAsync();
        (await app.As("resident2").GetAsync($"/api/v1/volunteers/{someoneElses}")).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("resident2").PostAsync($"/api/v1/volunteers/{mine.Id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident2").GetAsync("/api/v1/volunteers")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task Admin_CannotRegisterAPersonOutsideTheirSubtree()
    {
        var inVillage2 = await PersonAsync("village2");

        (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId = inVillage2 })).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
    }

    [DatabaseFact]
    public async Task Approve_IssuesTheCountyPrefixedNumber_AndASecondDecisionIsAConflict()
    {
        var id = await RegisterAsync();

        var approved = (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);

        Assert.Equal("Approved", approved.Text("status"));
        Assert.Matches("^339901[0-9]{6}$", approved.Text("volunteerNumber"));
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "volunteer.invalid_state");
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/reject", new { reason = "重复" })).ExpectProblem(HttpStatusCode.Conflict, "volunteer.invalid_state");
        var fetched = (await app.As("village1").GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(approved.Text("volunteerNumber"), fetched.Text("volunteerNumber"));
    }

    [DatabaseFact]
    public async Task Approve_InAnotherCounty_UsesThatCountysPrefix()
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = "云岭志愿者", idNumber = TestData.IdNumber(Aged(40)), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("county2-village") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;

        var approved = (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);

        Assert.Matches("^339902[0-9]{6}$", approved.Text("volunteerNumber"));
    }

    [DatabaseFact]
    public async Task Approve_TwentyAtOnce_GivesTwentyDistinctNumbers()
    {
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await RegisterAsync(i % 2 == 0 ? "village1" : "village1-sibling"));
        }

        var answers = await Task.WhenAll(ids.Select(id => app.As("town1").PostAsync($"/api/v1/volunteers/{id}/approve")));

        Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
        var numbers = answers.Select(a => a.Text("volunteerNumber")).ToList();
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^339901[0-9]{6}$", n));
    }

    [DatabaseFact]
    public async Task Approve_TheSameRegistrationConcurrently_ApprovesItOnce()
    {
        var id = await RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.As("village1").PostAsync($"/api/v1/volunteers/{id}/approve")));

        var ok = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "volunteer.invalid_state"));
        Assert.Equal(ok.Text("volunteerNumber"), (await app.Admin.GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK).Text("volunteerNumber"));
    }

    [DatabaseFact]
    public async Task Reject_NeedsAReason_AndRecordsIt()
    {
        var id = await RegisterAsync();

        var refused = await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/reject", new { reason = " " });
        refused.Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.FieldErrors("reason"));
        var rejected = (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/reject", new { reason = "信息不完整" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.Text("status"));
        Assert.Equal("信息不完整", rejected.Text("rejectReason"));
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "volunteer.invalid_state");
    }

    [DatabaseFact]
    public async Task Review_OutsideTheSubtree_IsNotFound_AndByANonAdmin_IsForbidden()
    {
        var id = await RegisterAsync();

        (await app.As("village2").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("town2").PostAsync($"/api/v1/volunteers/{id}/reject", new { reason = "不符" })).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("village2").GetAsync($"/api/v1/volunteers/{id}")).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("supervisor1").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("leader1").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("volunteer1").PostAsync($"/api/v1/volunteers/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.Equal("Pending", (await app.Admin.GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK).Text("status"));
    }

    [DatabaseFact]
    public async Task List_ShowsOnlyTheCallersSubtree_AndFilters()
    {
        var inTownship1 = await RegisterAsync("village1-sibling");
        var inTownship2 = await RegisterAsync("village2");

        var town1 = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/volunteers?status=Pending&");
        Assert.Contains(town1, v => v.GetProperty("id").GetInt64() == inTownship1);
        Assert.DoesNotContain(town1, v => v.GetProperty("id").GetInt64() == inTownship2);
        Assert.All(town1, v => Assert.Equal("Pending", v.GetProperty("status").GetString()));
        var township1Units = (await AllUnitsUnder("township1")).ToHashSet();
        Assert.All(town1, v => Assert.Contains(v.GetProperty("orgUnitId").GetInt64(), township1Units));

        var byUnit = await DemoMap.AllItemsAsync(app.As("center"), $"/api/v1/volunteers?orgUnitId={app.Demo.Unit("village2")}&");
        Assert.Contains(byUnit, v => v.GetProperty("id").GetInt64() == inTownship2);
        Assert.All(byUnit, v => Assert.Equal(app.Demo.Unit("village2"), v.GetProperty("orgUnitId").GetInt64()));
        (await app.As("village1").GetAsync($"/api/v1/volunteers?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        var name = (await app.Admin.GetAsync($"/api/v1/volunteers/{inTownship2}")).Expect(HttpStatusCode.OK).Text("name");
        var byName = (await app.As("supervisor1").GetAsync($"/api/v1/volunteers?q={Uri.EscapeDataString(name)}")).Expect(HttpStatusCode.OK);
        Assert.Contains(byName.Items, v => v.GetProperty("id").GetInt64() == inTownship2);
    }

    [DatabaseFact]
    public async Task Demo_HasApprovedVolunteersForTheDemoLogins_AndPendingOnes()
    {
        foreach (var login in new[] { "volunteer1", "volunteer5", "leader1" })
        {
            var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
            var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?status=Approved&");
            var mine = Assert.Single(all, v => v.GetProperty("personId").GetInt64() == personId);
            Assert.Matches("^339901[0-9]{6}$", mine.GetProperty("volunteerNumber").GetString());
        }

        var pending = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?status=Pending&");
        Assert.True(pending.Count(v => v.GetProperty("orgUnitId").GetInt64() != app.Demo.Unit("village1")) >= 3);
    }

    private async Task<IEnumerable<long>> AllUnitsUnder(string key) =>
        (await DemoMap.AllItemsAsync(app.Admin, "/api/v1/org-units?"))
            .Where(u => u.GetProperty("path").GetString()!.Contains($"/{app.Demo.Unit(key)}/", StringComparison.Ordinal))
            .Select(u => u.GetProperty("id").GetInt64());
}
