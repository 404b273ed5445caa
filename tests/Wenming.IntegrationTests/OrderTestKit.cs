using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>A team with its own TeamLeader account, for tests that need teams of their own (pool races, other units).</summary>
public sealed record TestTeam(long Id, string LeaderLogin, long LeaderVolunteerId, long OtherMemberId);

/// <summary>Builds what the order tests need through the API, as a client would: teams, leaders, orders in each state.</summary>
public sealed class OrderTestKit(AppFixture app)
{
    public AppFixture App => app;

    public async Task<long> ApprovedVolunteerAsync(string unitKey)
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("队员"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A team of the unit led by a new volunteer who has a TeamLeader account, plus one more member.</summary>
    public async Task<TestTeam> TeamAsync(string unitKey)
    {
        var leaderVolunteer = await ApprovedVolunteerAsync(unitKey);
        var personId = (await app.Admin.GetAsync($"/api/v1/volunteers/{leaderVolunteer}")).Expect(HttpStatusCode.OK).Number("personId");
        var login = TestData.Login("leader");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "测试队长", role = "TeamLeader", orgUnitId = app.Demo.Unit(unitKey), personId }))
            .Expect(HttpStatusCode.Created);
        var team = (await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit(unitKey), name = TestData.Name("便民服务队"), category = "Convenience", leaderVolunteerId = leaderVolunteer }))
            .Expect(HttpStatusCode.Created).Id;
        var other = await ApprovedVolunteerAsync(unitKey);
        (await app.Admin.PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = other })).Expect(HttpStatusCode.Created);
        return new TestTeam(team, login, leaderVolunteer, other);
    }

    public ApiClient Leader(TestTeam team) => app.As(team.LeaderLogin, TestData.StrongPassword);

    /// <summary>The demo village team 桃花村志愿服务队 (led by leader1) and leader1's own volunteer id.</summary>
    public async Task<(long TeamId, long LeaderVolunteerId)> DemoTeamAsync()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/teams?orgUnitId={app.Demo.Unit("village1")}&");
        var team = teams.First(t => t.GetProperty("name").GetString() == "桃花村志愿服务队");
        return (team.GetProperty("id").GetInt64(), team.GetProperty("leaderVolunteerId").GetInt64());
    }

    public Task<ApiResponse> SubmitAsync(string by = "resident1", string unitKey = "village1", long? itemId = null, long? forPerson = null, string? description = null) =>
        app.As(by).PostAsync("/api/v1/orders", new
        {
            serviceItemId = itemId,
            description = description ?? TestData.Name("想请志愿者上门帮忙"),
            orgUnitId = app.Demo.Unit(unitKey),
            wantedAt = DateTimeOffset.UtcNow.AddDays(2),
            contactPhone = "13912345678",
            address = "3组12号",
            requesterPersonId = forPerson,
        });

    public async Task<long> SubmittedAsync(string by = "resident1", string unitKey = "village1", long? forPerson = null) =>
        (await SubmitAsync(by, unitKey, forPerson: forPerson)).Expect(HttpStatusCode.Created).Id;

    public Task<ApiResponse> GetAsync(long id, string by = "admin") => app.As(by).GetAsync($"/api/v1/orders/{id}");

    public async Task<string> StatusAsync(long id) => (await GetAsync(id)).Expect(HttpStatusCode.OK).Text("status");

    public static List<JsonElement> History(ApiResponse order) => [.. order.Json.GetProperty("history").EnumerateArray()];

    /// <summary>Service records of a volunteer that came from this order.</summary>
    public async Task<List<JsonElement>> RecordsFromAsync(long volunteerId, long orderId) =>
        [.. (await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/volunteers/{volunteerId}/service-records?"))
            .Where(r => r.GetProperty("source").GetProperty("kind").GetString() == "Order" && r.GetProperty("source").GetProperty("id").GetInt64() == orderId)];
}
