using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// DESIGN §2: an account sees and changes only its unit's subtree; anything outside answers 404 (so ids
/// do not leak), and a role that may not do something answers 403.
/// </summary>
public sealed class ScopeMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Who is bound where (the demo county, plus a second county 云岭县 the fixture adds):
    //   admin → the city (everything) · center, supervisor1 → 云溪县 · town1 → township1 · town2 → township2
    //   village1, leader1, volunteer1, resident1 → village1 (in township1) · village2 → village2 (in township2)
    //
    // Targets: a unit key. For GET on an org unit it is that unit; for PUT/move/deactivate/activate it is a
    // fresh practice point under that unit; POST /org-units adds a point under it. For people and accounts,
    // {id} is a fresh person / Resident account in that unit, and POST registers one into it.
    // "own person" / "own account" are the caller's own; "-" is a list without a filter.
    public static TheoryData<string, string, string, int> Matrix => new()
    {
        // who          endpoint                                  target              status
        { "admin",       "GET /org-units/{id}",                    "county2",          200 },
        { "center",      "GET /org-units/{id}",                    "village2",         200 },
        { "center",      "GET /org-units/{id}",                    "city",             404 },
        { "center",      "GET /org-units/{id}",                    "county2",          404 },
        { "town1",       "GET /org-units/{id}",                    "village1",         200 },
        { "town1",       "GET /org-units/{id}",                    "county",           404 },
        { "town1",       "GET /org-units/{id}",                    "township2",        404 },
        { "village1",    "GET /org-units/{id}",                    "village1",         200 },
        { "village1",    "GET /org-units/{id}",                    "township1",        404 },
        { "village1",    "GET /org-units/{id}",                    "township2",        404 },
        { "village2",    "GET /org-units/{id}",                    "village1",         404 },
        { "supervisor1", "GET /org-units/{id}",                    "village1",         200 },
        { "supervisor1", "GET /org-units/{id}",                    "county2",          404 },
        { "volunteer1",  "GET /org-units/{id}",                    "village1",         200 },
        { "volunteer1",  "GET /org-units/{id}",                    "township1",        404 },
        { "resident1",   "GET /org-units/{id}",                    "village2",         404 },

        { "center",      "GET /org-units/{id}/children",           "township2",        200 },
        { "center",      "GET /org-units/{id}/children",           "county2",          404 },
        { "town2",       "GET /org-units/{id}/children",           "township1",        404 },
        { "village1",    "GET /org-units/{id}/children",           "village1",         200 },
        { "village1",    "GET /org-units/{id}/children",           "county",           404 },
        { "leader1",     "GET /org-units/{id}/children",           "village1",         200 },

        { "admin",       "POST /org-units",                        "county2",          201 },
        { "center",      "POST /org-units",                        "township2",        201 },
        { "center",      "POST /org-units",                        "county2",          404 },
        { "town1",       "POST /org-units",                        "village1",         201 },
        { "town1",       "POST /org-units",                        "village2",         404 },
        { "village1",    "POST /org-units",                        "village1",         201 },
        { "village1",    "POST /org-units",                        "township1",        404 },
        { "village2",    "POST /org-units",                        "village1",         404 },
        { "supervisor1", "POST /org-units",                        "village1",         403 },
        { "leader1",     "POST /org-units",                        "village1",         403 },
        { "volunteer1",  "POST /org-units",                        "village1",         403 },
        { "resident1",   "POST /org-units",                        "village1",         403 },

        { "center",      "PUT /org-units/{id}",                    "village2",         200 },
        { "center",      "PUT /org-units/{id}",                    "county2",          404 },
        { "town2",       "PUT /org-units/{id}",                    "village2",         200 },
        { "town2",       "PUT /org-units/{id}",                    "village1",         404 },
        { "village1",    "PUT /org-units/{id}",                    "village1",         200 },
        { "village1",    "PUT /org-units/{id}",                    "village2",         404 },
        { "supervisor1", "PUT /org-units/{id}",                    "village1",         403 },
        { "volunteer1",  "PUT /org-units/{id}",                    "village1",         403 },

        { "center",      "POST /org-units/{id}/move",              "township1",        200 },
        { "center",      "POST /org-units/{id}/move",              "county2",          404 },
        { "village1",    "POST /org-units/{id}/move",              "village1",         200 },
        { "village1",    "POST /org-units/{id}/move",              "village2",         404 },
        { "supervisor1", "POST /org-units/{id}/move",              "village1",         403 },
        { "leader1",     "POST /org-units/{id}/move",              "village1",         403 },

        { "town1",       "POST /org-units/{id}/deactivate",        "village1",         200 },
        { "town1",       "POST /org-units/{id}/deactivate",        "village2",         404 },
        { "village2",    "POST /org-units/{id}/deactivate",        "village2",         200 },
        { "village2",    "POST /org-units/{id}/deactivate",        "township2",        404 },
        { "resident1",   "POST /org-units/{id}/deactivate",        "village1",         403 },
        { "center",      "POST /org-units/{id}/activate",          "village1",         200 },
        { "center",      "POST /org-units/{id}/activate",          "county2",          404 },
        { "village1",    "POST /org-units/{id}/activate",          "village2",         404 },
        { "supervisor1", "POST /org-units/{id}/activate",          "village1",         403 },

        { "admin",       "GET /people/{id}",                       "county2",          200 },
        { "center",      "GET /people/{id}",                       "village2",         200 },
        { "center",      "GET /people/{id}",                       "county2",          404 },
        { "town1",       "GET /people/{id}",                       "village1",         200 },
        { "town1",       "GET /people/{id}",                       "village2",         404 },
        { "village1",    "GET /people/{id}",                       "village1",         200 },
        { "village1",    "GET /people/{id}",                       "village2",         404 },
        { "supervisor1", "GET /people/{id}",                       "village2",         200 },
        { "supervisor1", "GET /people/{id}",                       "county2",          404 },
        { "resident1",   "GET /people/{id}",                       "own person",       200 },
        { "resident1",   "GET /people/{id}",                       "village1",         404 },
        { "volunteer1",  "GET /people/{id}",                       "own person",       200 },
        { "volunteer1",  "GET /people/{id}",                       "village1",         404 },
        { "leader1",     "GET /people/{id}",                       "village1",         404 },

        { "admin",       "POST /people",                           "county2",          201 },
        { "center",      "POST /people",                           "village2",         201 },
        { "center",      "POST /people",                           "county2-village",  404 },
        { "town1",       "POST /people",                           "village1",         201 },
        { "town1",       "POST /people",                           "village2",         404 },
        { "village1",    "POST /people",                           "village1",         201 },
        { "village1",    "POST /people",                           "village2",         404 },
        { "supervisor1", "POST /people",                           "village1",         403 },
        { "leader1",     "POST /people",                           "village1",         403 },
        { "volunteer1",  "POST /people",                           "village1",         403 },
        { "resident1",   "POST /people",                           "village1",         403 },

        { "center",      "PUT /people/{id}",                       "village1",         200 },
        { "center",      "PUT /people/{id}",                       "county2-village",  404 },
        { "town2",       "PUT /people/{id}",                       "village2",         200 },
        { "town2",       "PUT /people/{id}",                       "village1",         404 },
        { "village1",    "PUT /people/{id}",                       "village1",         200 },
        { "village1",    "PUT /people/{id}",                       "village2",         404 },
        { "supervisor1", "PUT /people/{id}",                       "village1",         403 },
        { "resident1",   "PUT /people/{id}",                       "own person",       403 },

        { "center",      "GET /people?orgUnitId=",                 "village2",         200 },
        { "center",      "GET /people?orgUnitId=",                 "county2-village",  404 },
        { "town1",       "GET /people?orgUnitId=",                 "township2",        404 },
        { "village2",    "GET /people?orgUnitId=",                 "village2",         200 },
        { "volunteer1",  "GET /people?orgUnitId=",                 "village1",         403 },

        { "admin",       "GET /accounts/{id}",                     "county2-village",  200 },
        { "center",      "GET /accounts/{id}",                     "village1",         200 },
        { "center",      "GET /accounts/{id}",                     "county2-village",  404 },
        { "town2",       "GET /accounts/{id}",                     "village1",         404 },
        { "village1",    "GET /accounts/{id}",                     "village1",         200 },
        { "village1",    "GET /accounts/{id}",                     "village2",         404 },
        { "supervisor1", "GET /accounts/{id}",                     "village2",         200 },
        { "resident1",   "GET /accounts/{id}",                     "own account",      200 },
        { "resident1",   "GET /accounts/{id}",                     "village1",         404 },
        { "volunteer1",  "GET /accounts/{id}",                     "village1",         404 },

        { "admin",       "POST /accounts",                         "county2-village",  201 },
        { "center",      "POST /accounts",                         "village2",         201 },
        { "center",      "POST /accounts",                         "county2-village",  404 },
        { "town1",       "POST /accounts",                         "village1",         201 },
        { "town1",       "POST /accounts",                         "village2",         404 },
        { "village1",    "POST /accounts",                         "village1",         201 },
        { "village1",    "POST /accounts",                         "village2",         404 },
        { "supervisor1", "POST /accounts",                         "village1",         403 },
        { "leader1",     "POST /accounts",                         "village1",         403 },
        { "resident1",   "POST /accounts",                         "village1",         403 },

        { "center",      "POST /accounts/{id}/deactivate",         "village1",         200 },
        { "center",      "POST /accounts/{id}/deactivate",         "county2-village",  404 },
        { "village2",    "POST /accounts/{id}/deactivate",         "village1",         404 },
        { "supervisor1", "POST /accounts/{id}/deactivate",         "village1",         403 },
        { "town1",       "POST /accounts/{id}/activate",           "village1",         200 },
        { "town1",       "POST /accounts/{id}/activate",           "village2",         404 },
        { "volunteer1",  "POST /accounts/{id}/activate",           "village1",         403 },
        { "village1",    "POST /accounts/{id}/unlock",             "village1",         200 },
        { "village1",    "POST /accounts/{id}/unlock",             "village2",         404 },
        { "resident1",   "POST /accounts/{id}/unlock",             "village1",         403 },
        { "village2",    "POST /accounts/{id}/reset-password",     "village2",         200 },
        { "village2",    "POST /accounts/{id}/reset-password",     "village1",         404 },
        { "leader1",     "POST /accounts/{id}/reset-password",     "village1",         403 },
        { "town2",       "POST /accounts/{id}/roles",              "village2",         200 },
        { "town2",       "POST /accounts/{id}/roles",              "village1",         404 },
        { "supervisor1", "POST /accounts/{id}/roles",              "village1",         403 },

        { "center",      "GET /accounts?orgUnitId=",               "village1",         200 },
        { "center",      "GET /accounts?orgUnitId=",               "county2",          404 },
        { "village1",    "GET /accounts?orgUnitId=",               "township1",        404 },

        { "center",      "GET /volunteers/{id}/certificate",       "village2",         200 },
        { "center",      "GET /volunteers/{id}/certificate",       "county2-village",  404 },
        { "village1",    "GET /volunteers/{id}/certificate",       "village1",         200 },
        { "village2",    "GET /volunteers/{id}/certificate",       "village1",         404 },
        { "supervisor1", "GET /volunteers/{id}/certificate",       "village1",         403 },
        { "leader1",     "GET /volunteers/{id}/certificate",       "village1",         404 },
        { "volunteer1",  "GET /volunteers/{id}/certificate",       "own volunteer",    200 },
        { "volunteer1",  "GET /volunteers/{id}/certificate",       "village1",         404 },
        { "resident1",   "GET /volunteers/{id}/certificate",       "village1",         404 },

        { "center",      "GET /volunteers/{id}",                   "village2",         200 },
        { "center",      "GET /volunteers/{id}",                   "county2-village",  404 },
        { "town1",       "GET /volunteers/{id}",                   "village1",         200 },
        { "town1",       "GET /volunteers/{id}",                   "village2",         404 },
        { "village2",    "GET /volunteers/{id}",                   "village1",         404 },
        { "supervisor1", "GET /volunteers/{id}",                   "village2",         200 },
        { "volunteer1",  "GET /volunteers/{id}",                   "own volunteer",    200 },
        { "volunteer1",  "GET /volunteers/{id}",                   "village1",         404 },
        { "resident1",   "GET /volunteers/{id}",                   "village1",         404 },

        { "center",      "POST /volunteers",                       "village2",         201 },
        { "town1",       "POST /volunteers",                       "village2",         404 },
        { "village1",    "POST /volunteers",                       "village1",         201 },
        { "village1",    "POST /volunteers",                       "village2",         404 },
        { "supervisor1", "POST /volunteers",                       "village1",         403 },
        { "leader1",     "POST /volunteers",                       "village1",         403 },
        { "resident1",   "POST /volunteers",                       "village1",         403 },
        { "resident1",   "POST /volunteers",                       "own person",       201 },

        { "center",      "POST /volunteers/{id}/approve",          "village2",         200 },
        { "center",      "POST /volunteers/{id}/approve",          "county2-village",  404 },
        { "town1",       "POST /volunteers/{id}/approve",          "village1",         200 },
        { "town1",       "POST /volunteers/{id}/approve",          "village2",         404 },
        { "village1",    "POST /volunteers/{id}/approve",          "village1",         200 },
        { "village2",    "POST /volunteers/{id}/approve",          "village1",         404 },
        { "supervisor1", "POST /volunteers/{id}/approve",          "village1",         403 },
        { "leader1",     "POST /volunteers/{id}/approve",          "village1",         403 },
        { "resident1",   "POST /volunteers/{id}/approve",          "village1",         403 },

        { "center",      "GET /volunteers?orgUnitId=",             "village2",         200 },
        { "town1",       "GET /volunteers?orgUnitId=",             "township2",        404 },
        { "volunteer1",  "GET /volunteers?orgUnitId=",             "village1",         403 },
        { "center",      "GET /volunteers/export?orgUnitId=",      "village2",         200 },
        { "town1",       "GET /volunteers/export?orgUnitId=",      "township2",        404 },
        { "supervisor1", "GET /volunteers/export?orgUnitId=",      "village1",         200 },
        { "volunteer1",  "GET /volunteers/export?orgUnitId=",      "village1",         403 },
        { "center",      "GET /service-records/export?orgUnitId=", "village2",         200 },
        { "town1",       "GET /service-records/export?orgUnitId=", "township2",        404 },
        { "supervisor1", "GET /service-records/export?orgUnitId=", "village1",         403 },
        { "village1",    "GET /activities/export?orgUnitId=",      "village1",         200 },
        { "resident1",   "GET /activities/export?orgUnitId=",      "village1",         403 },

        { "center",      "POST /teams",                            "village2",         201 },
        { "town1",       "POST /teams",                            "village2",         404 },
        { "village1",    "POST /teams",                            "village1",         201 },
        { "supervisor1", "POST /teams",                            "village1",         403 },
        { "leader1",     "POST /teams",                            "village1",         403 },

        { "center",      "GET /teams/{id}",                        "village2",         200 },
        { "town2",       "GET /teams/{id}",                        "village1",         404 },
        { "village2",    "GET /teams/{id}",                        "village1",         404 },
        { "resident1",   "GET /teams/{id}",                        "village1",         200 },

        { "center",      "POST /teams/{id}/members",               "village1",         201 },
        { "village1",    "POST /teams/{id}/members",               "village1",         201 },
        { "village2",    "POST /teams/{id}/members",               "village1",         404 },
        { "leader1",     "POST /teams/{id}/members",               "village1",         403 },
        { "volunteer1",  "POST /teams/{id}/members",               "village1",         403 },

        { "admin",       "GET /org-units",                         "-",                200 },
        { "resident1",   "GET /org-units",                         "-",                200 },
        { "center",      "GET /org-units?underId=",                "township2",        200 },
        { "village1",    "GET /org-units?underId=",                "township1",        404 },
        { "supervisor1", "GET /people",                            "-",                200 },
        { "leader1",     "GET /people",                            "-",                403 },
        { "volunteer1",  "GET /people",                            "-",                403 },
        { "resident1",   "GET /people",                            "-",                403 },
        { "supervisor1", "GET /accounts",                          "-",                200 },
        { "village1",    "GET /accounts",                          "-",                200 },
        { "resident1",   "GET /accounts",                          "-",                403 },
        { "village2",    "GET /audit-entries",                     "-",                200 },
        { "supervisor1", "GET /audit-entries",                     "-",                200 },
        { "leader1",     "GET /audit-entries",                     "-",                403 },
        { "volunteer1",  "GET /audit-entries",                     "-",                403 },
        { "resident1",   "GET /audit-entries",                     "-",                403 },
    };

    [DatabaseTheory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_ForRoleAndTarget_AnswersAsTheScopeRuleSays(string who, string endpoint, string target, int status)
    {
        await ScopeMatrix.AssertAnswerAsync(app, who, endpoint, target, status, caller => CallAsync(caller, who, endpoint, target), "common.forbidden", "account.role_not_allowed");
    }

    public static TheoryData<string, string> SubtreeOfEachLogin => new()
    {
        { "admin", "city" },
        { "center", "county" },
        { "supervisor1", "county" },
        { "town1", "township1" },
        { "town2", "township2" },
        { "village1", "village1" },
        { "village2", "village2" },
        { "leader1", "village1" },
        { "volunteer1", "village1" },
        { "resident1", "village1" },
    };

    [DatabaseTheory]
    [MemberData(nameof(SubtreeOfEachLogin))]
    public async Task OrgUnitList_ShowsExactlyTheCallersSubtree(string who, string boundTo)
    {
        var expected = await SubtreeAsync(boundTo);

        var seen = await DemoMap.AllItemsAsync(app.As(who), "/api/v1/org-units?");

        Assert.Equal(expected.Order(), seen.Select(u => u.GetProperty("id").GetInt64()).Order());
    }

    [DatabaseTheory]
    [InlineData("center", "county")]
    [InlineData("supervisor1", "county")]
    [InlineData("town1", "township1")]
    [InlineData("town2", "township2")]
    [InlineData("village1", "village1")]
    [InlineData("village2", "village2")]
    public async Task PeopleAccountsAndAuditLists_NeverShowRowsOutsideTheCallersSubtree(string who, string boundTo)
    {
        var subtree = await SubtreeAsync(boundTo);
        var caller = app.As(who);

        foreach (var list in new[] { "/api/v1/people?", "/api/v1/accounts?", "/api/v1/volunteers?", "/api/v1/audit-entries?" })
        {
            var all = await DemoMap.AllItemsAsync(app.Admin, list);
            var expected = all.Where(r => subtree.Contains(r.GetProperty("orgUnitId").GetInt64())).Select(r => r.GetProperty("id").GetInt64()).ToHashSet();
            var seen = (await DemoMap.AllItemsAsync(caller, list)).Select(r => (Id: r.GetProperty("id").GetInt64(), Unit: r.GetProperty("orgUnitId").GetInt64())).ToList();

            Assert.NotEmpty(seen);
            Assert.All(seen, row => Assert.True(subtree.Contains(row.Unit), $"{who} sees {list} row {row.Id} of unit {row.Unit}, outside its subtree"));
            if (!list.Contains("audit", StringComparison.Ordinal))
            {
                // The list is the whole subtree, not just a safe part of it (the audit log grows as the caller reads it).
                Assert.Equal(expected.Order(), seen.Select(r => r.Id).Order());
            }
        }
    }

    /// <summary>Ids of the units under (and including) a demo unit, as the system admin sees them.</summary>
    private async Task<HashSet<long>> SubtreeAsync(string unitKey)
    {
        var units = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/org-units?");
        var path = units.Single(u => u.GetProperty("id").GetInt64() == app.Demo.Unit(unitKey)).GetProperty("path").GetString()!;
        return units.Where(u => u.GetProperty("path").GetString()!.StartsWith(path, StringComparison.Ordinal)).Select(u => u.GetProperty("id").GetInt64()).ToHashSet();
    }

    private async Task<ApiResponse> CallAsync(ApiClient caller, string who, string endpoint, string target)
    {
        var admin = app.Admin;
        long Unit() => app.Demo.Unit(target);

        switch (endpoint)
        {
            case "GET /org-units/{id}":
                return await caller.GetAsync($"/api/v1/org-units/{Unit()}");
            case "GET /org-units/{id}/children":
                return await caller.GetAsync($"/api/v1/org-units/{Unit()}/children");
            case "POST /org-units":
                return await caller.PostAsync("/api/v1/org-units", new { parentId = Unit(), level = "Point", name = TestData.Name("范围测试点") });
            case "PUT /org-units/{id}":
                return await caller.PutAsync($"/api/v1/org-units/{await FreshPointAsync(Unit())}", new { name = TestData.Name("改名测试点") });
            case "POST /org-units/{id}/move":
                return await caller.PostAsync($"/api/v1/org-units/{await FreshPointAsync(Unit())}/move", new { parentId = Unit() });
            case "POST /org-units/{id}/deactivate":
                return await caller.PostAsync($"/api/v1/org-units/{await FreshPointAsync(Unit())}/deactivate");
            case "POST /org-units/{id}/activate":
                var point = await FreshPointAsync(Unit());
                (await admin.PostAsync($"/api/v1/org-units/{point}/deactivate")).Expect(HttpStatusCode.OK);
                return await caller.PostAsync($"/api/v1/org-units/{point}/activate");
            case "GET /org-units":
                return await caller.GetAsync("/api/v1/org-units");
            case "GET /org-units?underId=":
                return await caller.GetAsync($"/api/v1/org-units?underId={Unit()}");

            case "GET /people/{id}":
                return await caller.GetAsync($"/api/v1/people/{await PersonAsync(who)}");
            case "POST /people":
                return await caller.PostAsync("/api/v1/people", new { name = "范围测试", idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = Unit() });
            case "PUT /people/{id}":
                var person = await PersonAsync(who);
                var current = (await admin.GetAsync($"/api/v1/people/{person}")).Expect(HttpStatusCode.OK);
                return await caller.PutAsync($"/api/v1/people/{person}", new { name = "改名测试", phone = TestData.Phone(), orgUnitId = current.Number("orgUnitId") });
            case "GET /people?orgUnitId=":
                return await caller.GetAsync($"/api/v1/people?orgUnitId={Unit()}");
            case "GET /people":
                return await caller.GetAsync("/api/v1/people");

            case "GET /accounts/{id}":
                return await caller.GetAsync($"/api/v1/accounts/{await AccountAsync(who)}");
            case "POST /accounts":
                return await caller.PostAsync("/api/v1/accounts", new { login = TestData.Login("scope"), password = TestData.StrongPassword, displayName = "范围测试", role = "Resident", orgUnitId = Unit() });
            case "POST /accounts/{id}/deactivate":
                return await caller.PostAsync($"/api/v1/accounts/{await AccountAsync(who)}/deactivate");
            case "POST /accounts/{id}/activate":
                var inactive = await AccountAsync(who);
                (await admin.PostAsync($"/api/v1/accounts/{inactive}/deactivate")).Expect(HttpStatusCode.OK);
                return await caller.PostAsync($"/api/v1/accounts/{inactive}/activate");
            case "POST /accounts/{id}/unlock":
                return await caller.PostAsync($"/api/v1/accounts/{await AccountAsync(who)}/unlock");
            case "POST /accounts/{id}/reset-password":
                return await caller.PostAsync($"/api/v1/accounts/{await AccountAsync(who)}/reset-password", new { password = "Renewed@2026" });
            case "POST /accounts/{id}/roles":
                return await caller.PostAsync($"/api/v1/accounts/{await AccountAsync(who)}/roles", new { roles = new[] { "Resident", "Volunteer" } });
            case "GET /accounts?orgUnitId=":
                return await caller.GetAsync($"/api/v1/accounts?orgUnitId={Unit()}");
            case "GET /accounts":
                return await caller.GetAsync("/api/v1/accounts");

            case "GET /audit-entries":
                return await caller.GetAsync("/api/v1/audit-entries");
            case "GET /volunteers/{id}":
                return await caller.GetAsync($"/api/v1/volunteers/{await VolunteerAsync(who)}");
            case "GET /volunteers/{id}/certificate":
                return await caller.GetAsync($"/api/v1/volunteers/{await VolunteerAsync(who, approve: true)}/certificate");
            case "POST /volunteers":
                return await caller.PostAsync("/api/v1/volunteers", new { personId = await PersonAsync(who) });
            case "POST /volunteers/{id}/approve":
                return await caller.PostAsync($"/api/v1/volunteers/{await VolunteerAsync(who)}/approve");
            case "GET /volunteers?orgUnitId=":
                return await caller.GetAsync($"/api/v1/volunteers?orgUnitId={Unit()}");
            case "GET /volunteers/export?orgUnitId=":
            case "GET /service-records/export?orgUnitId=":
            case "GET /activities/export?orgUnitId=":
                return await caller.GetAsync($"/api/v1/{endpoint[5..]}{Unit()}");
            case "POST /teams":
                return await caller.PostAsync("/api/v1/teams", new { orgUnitId = Unit(), name = TestData.Name("范围测试队"), category = "Other", leaderVolunteerId = await VolunteerAsync(who, approve: true) });
            case "GET /teams/{id}":
                return await caller.GetAsync($"/api/v1/teams/{await TeamAsync()}");
            case "POST /teams/{id}/members":
                return await caller.PostAsync($"/api/v1/teams/{await TeamAsync()}/members", new { volunteerId = await VolunteerAsync(who, approve: true) });

            default:
                throw new ArgumentException("No such endpoint in the matrix: " + endpoint, nameof(endpoint));
        }

        async Task<long> FreshPointAsync(long parent) =>
            (await admin.PostAsync("/api/v1/org-units", new { parentId = parent, level = "Point", name = TestData.Name("范围测试点") })).Expect(HttpStatusCode.Created).Id;

        async Task<long> PersonAsync(string login) => target == "own person"
            ? (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId")
            : await ScopeMatrix.NewPersonAsync(app, Unit());

        async Task<long> VolunteerAsync(string login, bool approve = false)
        {
            if (target == "own volunteer")
            {
                var own = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
                return (await DemoMap.AllItemsAsync(admin, "/api/v1/volunteers?")).Single(v => v.GetProperty("personId").GetInt64() == own).GetProperty("id").GetInt64();
            }

            var id = (await admin.PostAsync("/api/v1/volunteers", new { personId = await PersonAsync(login) })).Expect(HttpStatusCode.Created).Id;
            if (approve)
            {
                (await admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
            }

            return id;
        }

        async Task<long> TeamAsync() =>
            (await admin.PostAsync("/api/v1/teams", new { orgUnitId = Unit(), name = TestData.Name("范围测试队"), category = "Other", leaderVolunteerId = await VolunteerAsync(who, approve: true) }))
                .Expect(HttpStatusCode.Created).Id;

        async Task<long> AccountAsync(string login) => target == "own account"
            ? app.Demo.Account(login)
            : (await admin.PostAsync("/api/v1/accounts", new { login = TestData.Login("scope"), password = TestData.StrongPassword, displayName = "范围测试", role = "Resident", orgUnitId = Unit() })).Expect(HttpStatusCode.Created).Id;
    }
}
