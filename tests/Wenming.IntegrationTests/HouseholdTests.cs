using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Jobs;
using static Wenming.IntegrationTests.PointsTestKit;

namespace Wenming.IntegrationTests;

/// <summary>
/// Households and 十必联 over HTTP (issue 15, RULES.md Households): a station builds households of its village, names a
/// party member as contact person, who logs events and visits from a phone; due times and the overdue flag follow the
/// kind; the monthly visits of 空巢老人/留守儿童 are made once per month; tags are seen only by the station, the township,
/// the contact person and the household's own members; a person moved keeps their points and the totals follow; bad
/// input is a 400 in Chinese that changes nothing; writes are audited.
/// </summary>
public sealed class HouseholdTests(AppFixture app) : IClassFixture<AppFixture>
{
    private long Village1 => app.Demo.Unit("village1");

    private static string At(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8)).ToString("O");

    private async Task<long> PersonAsync(long unitId, bool partyMember = false) =>
        (await app.Admin.PostAsync("/api/v1/people", new
        {
            name = TestData.Name("住户"),
            idNumber = TestData.IdNumber(),
            phone = TestData.Phone(),
            orgUnitId = unitId,
            politicalStatus = partyMember ? "PartyMember" : "Masses",
        })).Expect(HttpStatusCode.Created).Id;

    /// <summary>A resident login for <paramref name="personId"/>, bound to <paramref name="unitId"/>.</summary>
    private async Task<ApiClient> LoginForAsync(long personId, long unitId)
    {
        var login = TestData.Login("hh");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "住户账号", role = "Resident", orgUnitId = unitId, personId }))
            .Expect(HttpStatusCode.Created);
        return app.As(login, TestData.StrongPassword);
    }

    private async Task<ApiResponse> CreateAsync(long unitId, long head, long[] members, string[]? tags = null, string by = "village1") =>
        await app.As(by).PostAsync("/api/v1/households", new { orgUnitId = unitId, address = TestData.Name("桃花村村东组") + "号", headPersonId = head, memberPersonIds = members, tags });

    private async Task<long> HouseholdAsync(params string[] tags)
    {
        var head = await PersonAsync(Village1);
        return (await CreateAsync(Village1, head, [head], tags)).Expect(HttpStatusCode.Created).Id;
    }

    private Task<ApiResponse> LogAsync(long householdId, string kind, DateTimeOffset occurred, string by = "village1") =>
        app.As(by).PostAsync($"/api/v1/households/{householdId}/events", new { kind, occurredOn = At(occurred), description = "测试事件" });

    private static List<long> Ids(IEnumerable<JsonElement> items) => [.. items.Select(e => e.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task Station_builds_a_household_and_its_tags_are_seen_only_by_station_township_contact_and_members()
    {
        var head = await PersonAsync(Village1);
        var child = await PersonAsync(app.Demo.Unit("village1-sibling"));
        // The station does not see a person of the neighbouring village; the township above sees both.
        var unseen = (await CreateAsync(Village1, head, [child], ["EmptyNestElder"])).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不在您的管辖范围内", unseen.FieldErrors("memberPersonIds")[0], StringComparison.Ordinal);
        var created = (await CreateAsync(Village1, head, [child], ["EmptyNestElder", "困难家庭"], by: "town1")).Expect(HttpStatusCode.Created);
        var id = created.Id;
        Assert.Equal(2, created.Json.GetProperty("members").GetArrayLength());
        Assert.Equal(["EmptyNestElder", "Hardship"], created.Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["空巢老人", "困难家庭"], created.Json.GetProperty("tagLabels").EnumerateArray().Select(t => t.GetString()));

        // The station and the township above see the tags; the supervisor sees the household without them.
        Assert.Equal(2, (await app.As("town1").GetAsync($"/api/v1/households/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("tags").GetArrayLength());
        var supervised = (await app.As("supervisor1").GetAsync($"/api/v1/households/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, supervised.Json.GetProperty("tags").ValueKind);
        (await app.As("supervisor1").GetAsync($"/api/v1/households?tag=EmptyNestElder")).Expect(HttpStatusCode.Forbidden);

        // Another township or village: 404, and the lists say nothing of it.
        (await app.As("town2").GetAsync($"/api/v1/households/{id}")).ExpectProblem(HttpStatusCode.NotFound, "household.not_found");
        (await app.As("village2").GetAsync($"/api/v1/households/{id}")).ExpectProblem(HttpStatusCode.NotFound, "household.not_found");
        (await app.As("town2").GetAsync($"/api/v1/households?orgUnitId={Village1}")).ExpectProblem(HttpStatusCode.NotFound, "household.unit_not_found");
        Assert.DoesNotContain(id, Ids(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/households?")));
        Assert.Contains(id, Ids(await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/households?orgUnitId={Village1}&tag=EmptyNestElder&")));
        Assert.DoesNotContain(id, Ids(await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/households?orgUnitId={Village1}&tag=LeftBehindChild&")));

        // A resident of the same village who is not a member: 404, never the tags. A member: their own household with its tags.
        (await app.As("resident1").GetAsync($"/api/v1/households/{id}")).ExpectProblem(HttpStatusCode.NotFound, "household.not_found");
        var member = await LoginForAsync(child, app.Demo.Unit("village1-sibling"));
        var mine = (await member.GetAsync("/api/v1/households/mine")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, mine.Id);
        Assert.Equal(2, mine.Json.GetProperty("tags").GetArrayLength());
        var other = await HouseholdAsync("LeftBehindChild");
        (await member.GetAsync($"/api/v1/households/{other}")).ExpectProblem(HttpStatusCode.NotFound, "household.not_found");
        (await member.GetAsync("/api/v1/households")).Expect(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/v1/household-events")).Expect(HttpStatusCode.OK);
        (await member.PostAsync($"/api/v1/households/{id}/events", new { kind = "Illness", occurredOn = At(DateTimeOffset.UtcNow), description = "自报" })).Expect(HttpStatusCode.Forbidden);

        // The tag asks for this month's visit at once.
        var monthly = (await app.As("village1").GetAsync($"/api/v1/household-events?householdId={id}")).Expect(HttpStatusCode.OK);
        var e = Assert.Single(monthly.Items);
        Assert.Equal("EmptyNestElder", e.GetProperty("kind").GetString());
        Assert.Equal(VisitDue.MonthOf(DateTime.UtcNow).Period, e.GetProperty("period").GetString());
    }

    [DatabaseFact]
    public async Task Contact_person_is_a_party_member_of_the_village_who_sees_their_households_and_logs_events_and_visits()
    {
        var id = await HouseholdAsync("LeftBehindChild");
        var masses = await PersonAsync(Village1);
        var elsewhere = await PersonAsync(app.Demo.Unit("village2"), partyMember: true);
        var member = await PersonAsync(Village1, partyMember: true);

        var refused = (await app.As("village1").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = masses })).ExpectProblem(HttpStatusCode.BadRequest, "household.contact_not_party_member");
        Assert.Contains("党员", refused.FieldErrors("personId")[0], StringComparison.Ordinal);
        (await app.As("admin").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = elsewhere })).ExpectProblem(HttpStatusCode.BadRequest, "household.contact_other_village");
        (await app.As("village2").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = member })).ExpectProblem(HttpStatusCode.NotFound, "household.not_found");
        (await app.As("resident1").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = member })).Expect(HttpStatusCode.Forbidden);
        var assigned = (await app.As("village1").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = member })).Expect(HttpStatusCode.OK);
        Assert.Equal(member, assigned.Number("contactPersonId"));

        // The contact person, whose login is bound to another village, works from their phone.
        var contact = await LoginForAsync(member, app.Demo.Unit("village1-sibling"));
        var list = (await contact.GetAsync("/api/v1/households/contacted")).Expect(HttpStatusCode.OK);
        var mine = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal(id, mine.GetProperty("id").GetInt64());
        Assert.Equal("LeftBehindChild", mine.GetProperty("tags")[0].GetString());
        Assert.Equal(1, mine.GetProperty("openEvents").GetInt32());

        var logged = (await contact.PostAsync($"/api/v1/households/{id}/events", new { kind = "Illness", occurredOn = At(DateTimeOffset.UtcNow.AddHours(-2)), description = "老人住院" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("Open", logged.Text("status"));
        var visited = (await contact.PostAsync($"/api/v1/household-events/{logged.Id}/visits", new { visitedAt = At(DateTimeOffset.UtcNow), note = "到医院探望" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Visited", visited.Text("status"));
        Assert.Equal("Green", visited.Text("light"));
        Assert.Equal("到医院探望", visited.Json.GetProperty("visits")[0].GetProperty("note").GetString());
        Assert.Contains(logged.Id, Ids((await contact.GetAsync("/api/v1/household-events?pageSize=100")).Expect(HttpStatusCode.OK).Items));

        // The supervisor reads no events; another household's event is not the contact person's.
        (await app.As("supervisor1").GetAsync("/api/v1/household-events")).Expect(HttpStatusCode.Forbidden);
        var strange = (await LogAsync(await HouseholdAsync(), "Petition", DateTimeOffset.UtcNow)).Expect(HttpStatusCode.Created).Id;
        (await contact.PostAsync($"/api/v1/household-events/{strange}/visits", new { visitedAt = At(DateTimeOffset.UtcNow), note = "越权" })).ExpectProblem(HttpStatusCode.NotFound, "household.event_not_found");
    }

    [DatabaseFact]
    public async Task Due_times_follow_the_kind_and_overdue_turns_red_just_past_the_due_time_for_station_and_township()
    {
        var id = await HouseholdAsync();
        var now = DateTimeOffset.UtcNow;
        var inTime = (await LogAsync(id, "Emergency", now.AddHours(-24).AddMinutes(3))).Expect(HttpStatusCode.Created);
        var late = (await LogAsync(id, "Emergency", now.AddHours(-24).AddMinutes(-3))).Expect(HttpStatusCode.Created);
        var hardship = (await LogAsync(id, "Hardship", now.AddHours(-47))).Expect(HttpStatusCode.Created);
        var celebration = (await LogAsync(id, "Celebration", now.AddDays(-6))).Expect(HttpStatusCode.Created);

        Assert.Equal(DateTimeOffset.Parse(inTime.Text("occurredOn")).AddHours(24), DateTimeOffset.Parse(inTime.Text("dueAt")));
        Assert.Equal(DateTimeOffset.Parse(hardship.Text("occurredOn")).AddHours(48), DateTimeOffset.Parse(hardship.Text("dueAt")));
        Assert.Equal(DateTimeOffset.Parse(celebration.Text("occurredOn")).AddDays(7), DateTimeOffset.Parse(celebration.Text("dueAt")));
        Assert.EndsWith("+08:00", inTime.Text("dueAt"), StringComparison.Ordinal);
        Assert.False(inTime.Json.GetProperty("overdue").GetBoolean());
        Assert.Equal("Blue", inTime.Text("light"));
        Assert.True(late.Json.GetProperty("overdue").GetBoolean());
        Assert.Equal("Red", late.Text("light"));
        Assert.Equal("逾期", late.Text("lightLabel"));

        // Shown to the station and the township; not to the other township.
        foreach (var by in new[] { "village1", "town1" })
        {
            var overdue = Ids(await DemoMap.AllItemsAsync(app.As(by), $"/api/v1/household-events?orgUnitId={Village1}&overdue=true&"));
            Assert.Contains(late.Id, overdue);
            Assert.DoesNotContain(inTime.Id, overdue);
            Assert.DoesNotContain(hardship.Id, overdue);
        }

        Assert.DoesNotContain(late.Id, Ids(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/household-events?overdue=true&")));
        (await app.As("town2").GetAsync($"/api/v1/household-events?orgUnitId={Village1}&overdue=true")).ExpectProblem(HttpStatusCode.NotFound, "household.unit_not_found");
        Assert.Contains(inTime.Id, Ids(await DemoMap.AllItemsAsync(app.As("village1"), $"/api/v1/household-events?householdId={id}&overdue=false&")));

        // A visit now: the overdue one is visited late (stays red), the other in time (green); neither is overdue any more.
        var lateVisit = (await app.As("village1").PostAsync($"/api/v1/household-events/{late.Id}/visits", new { visitedAt = At(now), note = "上门处理" })).Expect(HttpStatusCode.OK);
        Assert.True(lateVisit.Json.GetProperty("visitedLate").GetBoolean());
        Assert.False(lateVisit.Json.GetProperty("overdue").GetBoolean());
        Assert.Equal("Red", lateVisit.Text("light"));
        var onTime = (await app.As("village1").PostAsync($"/api/v1/household-events/{inTime.Id}/visits", new { visitedAt = At(now), note = "上门处理" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Green", onTime.Text("light"));
        Assert.DoesNotContain(late.Id, Ids(await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/household-events?orgUnitId={Village1}&overdue=true&")));

        // The township's overview counts the village's open and overdue events.
        var overview = (await app.As("town1").GetAsync("/api/v1/households/overview")).Expect(HttpStatusCode.OK);
        var row = overview.Json.EnumerateArray().Single(r => r.GetProperty("orgUnitId").GetInt64() == Village1);
        Assert.True(row.GetProperty("households").GetInt32() >= 1);
        Assert.True(row.GetProperty("openEvents").GetInt32() >= 2);
        Assert.DoesNotContain(overview.Json.EnumerateArray(), r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village2"));
    }

    [DatabaseFact]
    public async Task Tagged_households_get_one_visit_event_a_month_however_many_makers_run_at_once()
    {
        var id = await HouseholdAsync("EmptyNestElder", "LeftBehindChild");
        var nextMonth = VisitDue.MonthOf(DateTime.UtcNow).DueUtc.AddDays(2);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Jobs.RunOnceAsync<MonthlyVisitsJob>(app.Factory.Services, nextMonth, CancellationToken.None)));
        Assert.True(runs.Sum() >= 2);
        Assert.Equal(0, await Jobs.RunOnceAsync<MonthlyVisitsJob>(app.Factory.Services, nextMonth, CancellationToken.None));

        var events = (await app.As("village1").GetAsync($"/api/v1/household-events?householdId={id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        var periods = events.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("period").GetString())).ToList();
        Assert.Equal(4, periods.Count);
        Assert.Equal(4, periods.Distinct().Count());
        Assert.Contains(("EmptyNestElder", VisitDue.MonthOf(nextMonth).Period), periods);
        Assert.Contains(("LeftBehindChild", VisitDue.MonthOf(nextMonth).Period), periods);

        // This month's visit, logged by many at once, is made once; the others are told it is there.
        var untagged = await HouseholdAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => LogAsync(untagged, "EmptyNestElder", DateTimeOffset.UtcNow)));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal("household.event_duplicate", a.ExpectProblem(HttpStatusCode.Conflict, "household.event_duplicate").Code));

        // A visit earlier than the month it is for is refused.
        var thisMonth = events.Single(e => e.GetProperty("kind").GetString() == "EmptyNestElder" && e.GetProperty("period").GetString() == VisitDue.MonthOf(DateTime.UtcNow).Period);
        var before = DateTimeOffset.Parse(thisMonth.GetProperty("occurredOn").GetString()!).AddMinutes(-1);
        var early = (await app.As("village1").PostAsync($"/api/v1/household-events/{thisMonth.GetProperty("id").GetInt64()}/visits", new { visitedAt = At(before), note = "上月看望" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不能早于", early.FieldErrors("visitedAt")[0], StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_person_moved_between_households_keeps_their_points_and_both_totals_follow()
    {
        var father = await PersonAsync(Village1);
        var son = await PersonAsync(Village1);
        var neighbour = await PersonAsync(Village1);
        var home = (await CreateAsync(Village1, father, [son])).Expect(HttpStatusCode.Created);
        var next = (await CreateAsync(Village1, neighbour, [])).Expect(HttpStatusCode.Created).Id;
        await PostAsync(app, father, 40, PointKind.ServiceHours);
        await PostAsync(app, son, 10, PointKind.Award);
        await PostAsync(app, neighbour, 5, PointKind.Award);

        var before = (await app.As("village1").GetAsync($"/api/v1/points/accounts/{son}")).Expect(HttpStatusCode.OK).Json.GetProperty("household");
        Assert.Equal(home.Id, before.GetProperty("householdId").GetInt64());
        Assert.Equal(50, before.GetProperty("balance").GetInt64());
        Assert.Equal(home.Text("address"), before.GetProperty("address").GetString());

        // The head does not leave; the son does, into the neighbour's household.
        (await app.As("village1").PostAsync($"/api/v1/households/{next}/members", new { personId = father })).ExpectProblem(HttpStatusCode.Conflict, "household.head_cannot_leave");
        var moved = (await app.As("village1").PostAsync($"/api/v1/households/{next}/members", new { personId = son })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, moved.Json.GetProperty("members").GetArrayLength());

        var sons = (await app.As("village1").GetAsync($"/api/v1/points/accounts/{son}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, sons.Number("balance"));
        Assert.Equal(next, sons.Json.GetProperty("household").GetProperty("householdId").GetInt64());
        Assert.Equal(15, sons.Json.GetProperty("household").GetProperty("balance").GetInt64());
        var fathers = (await app.As("village1").GetAsync($"/api/v1/points/accounts/{father}")).Expect(HttpStatusCode.OK).Json.GetProperty("household");
        Assert.Equal(40, fathers.GetProperty("balance").GetInt64());
        Assert.Equal(1, fathers.GetProperty("memberCount").GetInt32());
        Assert.Single((await app.As("village1").GetAsync($"/api/v1/households/{home.Id}")).Expect(HttpStatusCode.OK).Json.GetProperty("members").EnumerateArray());

        // Moved out of any household: no household total, own points kept.
        var removed = await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/households/{next}/members/{son}", null);
        removed.Expect(HttpStatusCode.OK);
        var alone = (await app.As("village1").GetAsync($"/api/v1/points/accounts/{son}")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, alone.Json.GetProperty("household").ValueKind);
        Assert.Equal(10, alone.Number("balance"));
        await AssertLedgerHoldsAsync(app);

        // Audited: the household's creation and the person's move.
        var created = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Household&entityId={home.Id}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(created.Items, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "village1");
        var personMoves = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Person&entityId={son}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(personMoves.Items, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1");
    }

    [DatabaseFact]
    public async Task Bad_input_is_a_400_with_Chinese_field_messages_and_changes_nothing()
    {
        var head = await PersonAsync(Village1);
        var taken = await PersonAsync(Village1);
        await CreateAsync(Village1, taken, []);

        var bad = (await app.As("village1").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = " ", headPersonId = head, memberPersonIds = new[] { taken }, tags = new[] { "富裕户" } }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("地址", bad.FieldErrors("address")[0], StringComparison.Ordinal);
        Assert.Contains("富裕户", bad.FieldErrors("tags")[0], StringComparison.Ordinal);
        Assert.Contains("已在其他家庭户中", bad.FieldErrors("memberPersonIds")[0], StringComparison.Ordinal);
        var person = (await app.Admin.GetAsync($"/api/v1/people/{head}")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, person.Json.GetProperty("householdId").ValueKind);

        var township = (await app.As("town1").PostAsync("/api/v1/households", new { orgUnitId = app.Demo.Unit("township1"), address = "镇上", headPersonId = head, memberPersonIds = Array.Empty<long>() }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("村（社区）", township.FieldErrors("orgUnitId")[0], StringComparison.Ordinal);
        (await app.As("village2").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = "越权", headPersonId = head })).ExpectProblem(HttpStatusCode.NotFound, "household.unit_not_found");
        (await app.As("resident1").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = "越权", headPersonId = head })).Expect(HttpStatusCode.Forbidden);

        var id = await HouseholdAsync();
        var future = (await LogAsync(id, "Illness", DateTimeOffset.UtcNow.AddHours(2))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不能晚于现在", future.FieldErrors("occurredOn")[0], StringComparison.Ordinal);
        var noKind = (await app.As("village1").PostAsync($"/api/v1/households/{id}/events", new { occurredOn = At(DateTimeOffset.UtcNow) })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noKind.FieldErrors("kind"));
        var e = (await LogAsync(id, "Dispute", DateTimeOffset.UtcNow.AddHours(-1))).Expect(HttpStatusCode.Created);
        var noNote = (await app.As("village1").PostAsync($"/api/v1/household-events/{e.Id}/visits", new { visitedAt = At(DateTimeOffset.UtcNow), note = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("走访情况", noNote.FieldErrors("note")[0], StringComparison.Ordinal);
        Assert.Equal("Open", (await app.As("village1").GetAsync($"/api/v1/household-events/{e.Id}")).Expect(HttpStatusCode.OK).Text("status"));
        Assert.Equal(1, (await app.As("village1").GetAsync($"/api/v1/household-events?householdId={id}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Export_has_the_tags_only_for_admins_of_the_subtree_and_is_audited()
    {
        var head = await PersonAsync(Village1);
        var created = (await CreateAsync(Village1, head, [head], ["LeftBehindChild"])).Expect(HttpStatusCode.Created);
        var address = created.Text("address");

        var rows = ExcelReader.Read(new MemoryStream(await DownloadAsync("town1", $"/api/v1/households/export?orgUnitId={Village1}"))).Value;
        var line = Assert.Single(rows, r => r.Cells.Contains(address));
        Assert.Contains("留守儿童", line.Cells);
        Assert.DoesNotContain(ExcelReader.Read(new MemoryStream(await DownloadAsync("town2", "/api/v1/households/export"))).Value, r => r.Cells.Contains(address));
        (await app.As("town2").GetAsync($"/api/v1/households/export?orgUnitId={Village1}")).ExpectProblem(HttpStatusCode.NotFound, "household.unit_not_found");
        (await app.As("supervisor1").GetAsync("/api/v1/households/export")).Expect(HttpStatusCode.Forbidden);
        (await app.As("resident1").GetAsync("/api/v1/households/export")).Expect(HttpStatusCode.Forbidden);

        var audit = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/audit-entries?entityType=HouseholdExport&");
        Assert.Contains(audit, e => e.GetProperty("login").GetString() == "town1" && e.GetProperty("changes").GetProperty("OrgUnitId").GetInt64() == Village1);
    }

    private async Task<byte[]> DownloadAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return bytes;
    }

    [DatabaseFact]
    public async Task Demo_residents_are_in_households_and_village1_has_an_overdue_event()
    {
        var mine = (await app.As("resident1").GetAsync("/api/v1/households/mine")).Expect(HttpStatusCode.OK);
        Assert.Contains(mine.Json.GetProperty("members").EnumerateArray(), m => m.GetProperty("personId").GetInt64() == app.Demo.Person("resident1"));
        Assert.NotEmpty(await DemoMap.AllItemsAsync(app.As("village1"), $"/api/v1/household-events?orgUnitId={Village1}&overdue=true&"));
        var contacted = (await app.As("volunteer5").GetAsync("/api/v1/households/contacted")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, contacted.Json.GetArrayLength());
    }
}
