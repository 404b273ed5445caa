using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Volunteer teams (DESIGN §4): created by admins, led by an approved volunteer, members managed by admins and the leader.</summary>
public sealed class TeamTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>A registered volunteer of <paramref name="unitKey"/>, approved unless said otherwise.</summary>
    private async Task<long> VolunteerAsync(string unitKey = "village1", bool approve = true)
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("队员"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        if (approve)
        {
            (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        }

        return id;
    }

    private async Task<ApiResponse> CreateTeamAsync(long leaderVolunteerId, string unitKey = "village1", string by = "village1") =>
        await app.As(by).PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit(unitKey), name = TestData.Name("服务队"), category = "Health", leaderVolunteerId });

    private async Task<long> DemoVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?");
        return all.Single(v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    [DatabaseFact]
    public async Task Create_MakesTheLeaderTheFirstMember()
    {
        var leader = await VolunteerAsync();

        var team = (await CreateTeamAsync(leader)).Expect(HttpStatusCode.Created);

        Assert.Equal("Health", team.Text("category"));
        Assert.Equal("卫生健康", team.Text("categoryLabel"));
        Assert.Equal(leader, team.Number("leaderVolunteerId"));
        Assert.Equal(app.Demo.Unit("village1"), team.Number("orgUnitId"));
        Assert.Equal(1, team.Json.GetProperty("memberCount").GetInt32());
        var members = (await app.As("village1").GetAsync($"/api/v1/teams/{team.Id}/members")).Expect(HttpStatusCode.OK);
        var only = Assert.Single(members.Items);
        Assert.Equal(leader, only.GetProperty("volunteerId").GetInt64());
        Assert.True(only.GetProperty("isLeader").GetBoolean());
    }

    [DatabaseFact]
    public async Task Create_WithAPendingLeader_IsAConflict_AndByANonAdmin_IsForbidden()
    {
        var pending = await VolunteerAsync(approve: false);
        (await CreateTeamAsync(pending)).ExpectProblem(HttpStatusCode.Conflict, "team.volunteer_not_approved");

        var approved = await VolunteerAsync();
        (await CreateTeamAsync(approved, by: "leader1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await CreateTeamAsync(approved, by: "resident1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await CreateTeamAsync(approved, unitKey: "village2")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("village1").PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = "", category = "Health", leaderVolunteerId = approved }))
            .Expect(HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task Members_AddedOnce_OnlyWhenApproved_AndCounted()
    {
        var team = (await CreateTeamAsync(await VolunteerAsync())).Expect(HttpStatusCode.Created).Id;
        var member = await VolunteerAsync("village1-sibling");
        var pending = await VolunteerAsync(approve: false);

        // village1-sibling is outside village1's subtree: the station cannot see that volunteer.
        (await app.As("village1").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = member })).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("town1").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = member })).Expect(HttpStatusCode.Created);
        (await app.As("town1").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = member })).ExpectProblem(HttpStatusCode.Conflict, "team.duplicate_member");
        (await app.As("village1").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = pending })).ExpectProblem(HttpStatusCode.Conflict, "team.volunteer_not_approved");

        Assert.Equal(2, (await app.As("village1").GetAsync($"/api/v1/teams/{team}")).Expect(HttpStatusCode.OK).Json.GetProperty("memberCount").GetInt32());
        var listed = (await app.As("village1").GetAsync($"/api/v1/teams?orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, listed.Items.Single(t => t.GetProperty("id").GetInt64() == team).GetProperty("memberCount").GetInt32());
    }

    [DatabaseFact]
    public async Task Remove_TakesAMemberOut_ButNeverTheLeader()
    {
        var leader = await VolunteerAsync();
        var team = (await CreateTeamAsync(leader)).Expect(HttpStatusCode.Created).Id;
        var member = await VolunteerAsync();
        (await app.As("village1").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = member })).Expect(HttpStatusCode.Created);

        (await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/teams/{team}/members/{member}", null)).Expect(HttpStatusCode.NoContent);
        (await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/teams/{team}/members/{member}", null)).ExpectProblem(HttpStatusCode.NotFound, "team.member_not_found");
        (await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/teams/{team}/members/{leader}", null)).ExpectProblem(HttpStatusCode.Conflict, "team.leader_cannot_leave");
        Assert.Equal(1, (await app.As("village1").GetAsync($"/api/v1/teams/{team}")).Expect(HttpStatusCode.OK).Json.GetProperty("memberCount").GetInt32());
    }

    [DatabaseFact]
    public async Task Leader_ManagesTheirOwnTeam_ButNotAnotherOne()
    {
        var leader1 = await DemoVolunteerIdAsync("leader1");
        var own = (await CreateTeamAsync(leader1)).Expect(HttpStatusCode.Created).Id;
        var other = (await CreateTeamAsync(await VolunteerAsync())).Expect(HttpStatusCode.Created).Id;
        var member = await VolunteerAsync();

        (await app.As("leader1").PostAsync($"/api/v1/teams/{own}/members", new { volunteerId = member })).Expect(HttpStatusCode.Created);
        (await app.As("leader1").GetAsync($"/api/v1/teams/{own}/members")).Expect(HttpStatusCode.OK);
        (await app.As("leader1").SendAsync(HttpMethod.Delete, $"/api/v1/teams/{own}/members/{member}", null)).Expect(HttpStatusCode.NoContent);

        (await app.As("leader1").PostAsync($"/api/v1/teams/{other}/members", new { volunteerId = member })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("leader1").GetAsync($"/api/v1/teams/{other}/members")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("volunteer1").PostAsync($"/api/v1/teams/{own}/members", new { volunteerId = member })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task Teams_OutsideTheSubtree_AreNotFound()
    {
        var team = (await CreateTeamAsync(await VolunteerAsync())).Expect(HttpStatusCode.Created).Id;

        (await app.As("village2").GetAsync($"/api/v1/teams/{team}")).ExpectProblem(HttpStatusCode.NotFound, "team.not_found");
        (await app.As("village2").PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = 1 })).ExpectProblem(HttpStatusCode.NotFound, "team.not_found");
        (await app.As("town2").SendAsync(HttpMethod.Delete, $"/api/v1/teams/{team}/members/1", null)).ExpectProblem(HttpStatusCode.NotFound, "team.not_found");
        var town2 = await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/teams?");
        Assert.DoesNotContain(town2, t => t.GetProperty("id").GetInt64() == team);
        (await app.As("resident1").GetAsync($"/api/v1/teams/{team}")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Demo_HasTheVillageTeamLedByLeader1_WithTheFiveVolunteers_AndHigherLevelTeams()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/teams?");
        var village = Assert.Single(teams, t => t.GetProperty("name").GetString() == "桃花村志愿服务队");
        Assert.Equal(app.Demo.Unit("village1"), village.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(await DemoVolunteerIdAsync("leader1"), village.GetProperty("leaderVolunteerId").GetInt64());
        Assert.Equal(6, village.GetProperty("memberCount").GetInt32());
        var members = await DemoMap.AllItemsAsync(app.As("leader1"), $"/api/v1/teams/{village.GetProperty("id").GetInt64()}/members?");
        foreach (var login in new[] { "volunteer1", "volunteer2", "volunteer3", "volunteer4", "volunteer5" })
        {
            var id = await DemoVolunteerIdAsync(login);
            Assert.Contains(members, m => m.GetProperty("volunteerId").GetInt64() == id);
        }

        Assert.Contains(teams, t => t.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("county"));
        Assert.Contains(teams, t => t.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township1"));
    }
}
