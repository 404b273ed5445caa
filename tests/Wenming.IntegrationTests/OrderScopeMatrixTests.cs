using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// ScopeMatrixTests' rows for the service loop: admins of the order's unit or an ancestor see and
/// dispatch it, everyone else gets 404; roles that may not act get 403. Orders are made fresh per row:
/// a target "villageX" is an order of a resident of that village (on behalf, by the system admin),
/// "own order" is resident1's own, "team order" one dispatched to leader1's team.
/// </summary>
public sealed class OrderScopeMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly OrderTestKit _kit = new(app);

    public static TheoryData<string, string, string, int> Matrix => new()
    {
        // who          endpoint                                  target              status
        { "resident1",   "POST /orders",                           "village1",         201 },
        { "resident1",   "POST /orders",                           "county",           201 },
        { "village1",    "POST /orders (on behalf)",               "village1",         201 },
        { "village1",    "POST /orders (on behalf)",               "village2",         404 },
        { "town1",       "POST /orders (on behalf)",               "village1",         201 },
        { "supervisor1", "POST /orders (on behalf)",               "village1",         403 },
        { "leader1",     "POST /orders (on behalf)",               "village1",         403 },

        { "center",      "GET /orders/{id}",                       "village2",         200 },
        { "supervisor1", "GET /orders/{id}",                       "village1",         200 },
        { "town1",       "GET /orders/{id}",                       "village2",         404 },
        { "village2",    "GET /orders/{id}",                       "village1",         404 },
        { "admin",       "GET /orders/{id}",                       "county2-village",  200 },
        { "center",      "GET /orders/{id}",                       "county2-village",  404 },
        { "resident1",   "GET /orders/{id}",                       "own order",        200 },
        { "resident1",   "GET /orders/{id}",                       "village1",         404 },
        { "volunteer1",  "GET /orders/{id}",                       "village1",         404 },
        { "leader1",     "GET /orders/{id}",                       "team order",       200 },

        { "center",      "POST /orders/{id}/dispatch",             "village2",         200 },
        { "town1",       "POST /orders/{id}/dispatch",             "village1",         200 },
        { "town1",       "POST /orders/{id}/dispatch",             "village2",         404 },
        { "village2",    "POST /orders/{id}/dispatch",             "village1",         404 },
        { "supervisor1", "POST /orders/{id}/dispatch",             "village1",         403 },
        { "leader1",     "POST /orders/{id}/dispatch",             "village1",         403 },
        { "resident1",   "POST /orders/{id}/dispatch",             "own order",        403 },
        { "resident1",   "POST /orders/{id}/dispatch",             "village2",         404 },

        { "village1",    "POST /orders/{id}/reject",               "village1",         200 },
        { "village2",    "POST /orders/{id}/reject",               "village1",         404 },
        { "village1",    "POST /orders/{id}/escalate",             "village1",         200 },
        { "town2",       "POST /orders/{id}/escalate",             "village1",         404 },

        { "leader1",     "POST /orders/{id}/accept",               "team order",       200 },
        { "village1",    "POST /orders/{id}/accept",               "team order",       403 },
        { "resident1",   "POST /orders/{id}/accept",               "own team order",   403 },
        { "leader1",     "POST /orders/{id}/accept",               "village2 team order", 404 },
        { "leader1",     "POST /orders/{id}/decline",              "team order",       200 },

        { "resident1",   "POST /orders/{id}/withdraw",             "own order",        200 },
        { "resident1",   "POST /orders/{id}/withdraw",             "village1",         404 },
        { "village1",    "POST /orders/{id}/withdraw",             "village1",         403 },

        { "center",      "GET /orders/board",                      "-",                200 },
        { "supervisor1", "GET /orders/board",                      "-",                200 },
        { "leader1",     "GET /orders/board",                      "-",                403 },
        { "resident1",   "GET /orders/board",                      "-",                403 },
        { "village1",    "GET /orders/board?orgUnitId=",           "village2",         404 },
        { "leader1",     "GET /orders/inbox",                      "-",                200 },
        { "village1",    "GET /orders/inbox",                      "-",                403 },
        { "resident1",   "GET /orders/mine",                       "-",                200 },

        { "center",      "POST /service-items",                    "village2",         201 },
        { "village1",    "POST /service-items",                    "village1",         201 },
        { "town1",       "POST /service-items",                    "village2",         404 },
        { "supervisor1", "POST /service-items",                    "village1",         403 },
        { "resident1",   "POST /service-items",                    "village1",         403 },
        { "resident1",   "GET /service-items?orgUnitId=",          "county",           200 },
        { "resident1",   "GET /service-items?orgUnitId=",          "village2",         404 },
        { "town1",       "GET /service-items?orgUnitId=",          "township2",        404 },

        { "center",      "GET /order-rules/{id}",                  "county",           200 },
        { "town1",       "GET /order-rules/{id}",                  "county",           404 },
        { "center",      "GET /order-rules/{id}",                  "county2",          404 },
        { "center",      "PUT /order-rules/{id}",                  "county",           200 },
        { "admin",       "PUT /order-rules/{id}",                  "county2",          200 },
        { "center",      "PUT /order-rules/{id}",                  "county2",          404 },
        { "town1",       "PUT /order-rules/{id}",                  "county",           403 },
    };

    [DatabaseTheory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_ForRoleAndTarget_AnswersAsTheScopeRuleSays(string who, string endpoint, string target, int status)
    {
        await ScopeMatrix.AssertAnswerAsync(app, who, endpoint, target, status, caller => CallAsync(caller, endpoint, target), "common.forbidden");
    }

    private async Task<ApiResponse> CallAsync(ApiClient caller, string endpoint, string target)
    {
        long Unit(string key) => app.Demo.Unit(key);
        switch (endpoint)
        {
            case "POST /orders":
                return await caller.PostAsync("/api/v1/orders", new { description = "范围测试", orgUnitId = Unit(target), contactPhone = "13912345678" });
            case "POST /orders (on behalf)":
                return await caller.PostAsync("/api/v1/orders", new { description = "范围测试", orgUnitId = Unit(target), contactPhone = "13912345678", requesterPersonId = await PersonAsync(target) });
            case "GET /orders/{id}":
                return await caller.GetAsync($"/api/v1/orders/{await OrderAsync(target)}");
            case "POST /orders/{id}/dispatch":
                var order = await OrderAsync(target);
                var unitKey = target is "own order" ? "village1" : target;
                return await caller.PostAsync($"/api/v1/orders/{order}/dispatch", new { teamId = (await _kit.TeamAsync(unitKey)).Id });
            case "POST /orders/{id}/reject":
                return await caller.PostAsync($"/api/v1/orders/{await OrderAsync(target)}/reject", new { reason = "范围测试" });
            case "POST /orders/{id}/escalate":
                return await caller.PostAsync($"/api/v1/orders/{await OrderAsync(target)}/escalate");
            case "POST /orders/{id}/accept":
                return await caller.PostAsync($"/api/v1/orders/{await OrderAsync(target)}/accept");
            case "POST /orders/{id}/decline":
                return await caller.PostAsync($"/api/v1/orders/{await OrderAsync(target)}/decline", new { reason = "范围测试" });
            case "POST /orders/{id}/withdraw":
                return await caller.PostAsync($"/api/v1/orders/{await OrderAsync(target)}/withdraw");
            case "GET /orders/board":
                return await caller.GetAsync("/api/v1/orders/board");
            case "GET /orders/board?orgUnitId=":
                return await caller.GetAsync($"/api/v1/orders/board?orgUnitId={Unit(target)}");
            case "GET /orders/inbox":
                return await caller.GetAsync("/api/v1/orders/inbox");
            case "GET /orders/mine":
                return await caller.GetAsync("/api/v1/orders/mine");
            case "POST /service-items":
                return await caller.PostAsync("/api/v1/service-items", new { orgUnitId = Unit(target), name = TestData.Name("范围测试项目"), category = "Convenience" });
            case "GET /service-items?orgUnitId=":
                return await caller.GetAsync($"/api/v1/service-items?orgUnitId={Unit(target)}");
            case "GET /order-rules/{id}":
                return await caller.GetAsync($"/api/v1/order-rules/{Unit(target)}");
            case "PUT /order-rules/{id}":
                return await caller.PutAsync($"/api/v1/order-rules/{Unit(target)}", new { dispatchHours = 24, acceptHours = 24, completeDays = 7, autoCloseDays = 7 });
            default:
                throw new ArgumentException("No such endpoint in the matrix: " + endpoint, nameof(endpoint));
        }
    }

    private Task<long> PersonAsync(string unitKey) => ScopeMatrix.NewPersonAsync(app, app.Demo.Unit(unitKey));

    private async Task<long> OrderAsync(string target)
    {
        switch (target)
        {
            case "own order":
                return await _kit.SubmittedAsync();
            case "team order" or "own team order":
                var (team, _) = await _kit.DemoTeamAsync();
                var id = await _kit.SubmittedAsync();
                (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team })).Expect(HttpStatusCode.OK);
                return id;
            case "village2 team order":
                var other = await _kit.TeamAsync("village2");
                var order = await _kit.SubmittedAsync("admin", "village2", forPerson: await PersonAsync("village2"));
                (await app.Admin.PostAsync($"/api/v1/orders/{order}/dispatch", new { teamId = other.Id })).Expect(HttpStatusCode.OK);
                return order;
            default:
                return await _kit.SubmittedAsync("admin", target, forPerson: await PersonAsync(target));
        }
    }
}
