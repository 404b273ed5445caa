using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Issue 13: "two supervisors of different subtrees never see each other's units", across every list that supervision
/// and assessment keep: 督办 tasks, information reports, leaders' visits, site standards and 考评 schemes. A supervisor of
/// 桃源镇 and one of 清溪镇 each list everything they may; every row is of a unit of their own subtree, and each sees
/// something of it (so the check is not passed by empty lists).
/// </summary>
public sealed class SupervisorSubtreeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task Supervisors_of_two_townships_list_tasks_reports_visits_sites_and_schemes_of_their_own_subtree_only()
    {
        // Something of each kind in both subtrees, whatever the demo holds: a township scheme ranking its villages.
        foreach (var (login, unit) in new[] { ("town1", "township1"), ("town2", "township2") })
        {
            (await app.As(login).PostAsync("/api/v1/assessments", new { orgUnitId = app.Demo.Unit(unit), period = "2025-05", level = "Village" })).Expect(HttpStatusCode.Created);
        }

        var sup1 = await SupervisorAsync("township1");
        var sup2 = await SupervisorAsync("township2");
        var under1 = await UnitsAsync("town1");
        var under2 = await UnitsAsync("town2");
        Assert.Empty(under1.Intersect(under2));

        foreach (var (sup, own, other) in new[] { (sup1, under1, under2), (sup2, under2, under1) })
        {
            var client = app.As(sup, TestData.StrongPassword);
            var lists = new Dictionary<string, List<JsonElement>>
            {
                ["tasks"] = await DemoMap.AllItemsAsync(client, "/api/v1/supervision/tasks?"),
                ["reports"] = await DemoMap.AllItemsAsync(client, "/api/v1/info-reports?"),
                ["visits"] = await DemoMap.AllItemsAsync(client, "/api/v1/leader-visits?"),
                ["sites"] = [.. (await client.GetAsync("/api/v1/sites")).Expect(HttpStatusCode.OK).Json.EnumerateArray()],
                ["schemes"] = await DemoMap.AllItemsAsync(client, "/api/v1/assessments?"),
            };
            foreach (var (kind, items) in lists)
            {
                var units = items.Select(i => i.GetProperty("orgUnitId").GetInt64()).ToList();
                Assert.All(units, u => Assert.True(own.Contains(u), $"{sup} sees a {kind} row of unit {u} outside its subtree"));
                Assert.DoesNotContain(units, other.Contains);
            }

            Assert.NotEmpty(lists["reports"]);
            Assert.NotEmpty(lists["sites"]);
            Assert.NotEmpty(lists["schemes"]);

            // And one of the other subtree's rows by id is a 404, not a 403 that would tell it exists.
            var theirs = (await DemoMap.AllItemsAsync(app.As("center"), "/api/v1/info-reports?")).First(r => other.Contains(r.GetProperty("orgUnitId").GetInt64()));
            (await client.GetAsync($"/api/v1/info-reports/{theirs.GetProperty("id").GetInt64()}")).Expect(HttpStatusCode.NotFound);
        }
    }

    private async Task<string> SupervisorAsync(string unitKey)
    {
        var login = TestData.Login("sup");
        (await app.As("center").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "督查", role = "Supervisor", orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created);
        return login;
    }

    private async Task<HashSet<long>> UnitsAsync(string login) =>
        [.. (await DemoMap.AllItemsAsync(app.As(login), "/api/v1/org-units?")).Select(u => u.GetProperty("id").GetInt64())];
}
