using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// ScopeMatrixTests' rows for points and the charity supermarket: cadres reach the people, awards, goods and
/// rules of their subtree and get 404 outside it; a person reads only their own points (403 for anyone
/// else's); roles that may not act get 403. Targets: a unit key stands for a fresh person, award, goods,
/// ledger row or redemption in that unit; "own" is resident1's own.
/// </summary>
public sealed class PointsScopeMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string, string, int> Matrix => new()
    {
        // who          endpoint                                  target              status
        { "resident1",   "GET /points/accounts/{id}",              "own",              200 },
        { "resident1",   "GET /points/accounts/{id}",              "village1",         403 },
        { "volunteer1",  "GET /points/accounts/{id}",              "village1",         403 },
        { "village1",    "GET /points/accounts/{id}",              "village1",         200 },
        { "village1",    "GET /points/accounts/{id}",              "village2",         404 },
        { "town1",       "GET /points/accounts/{id}",              "village1",         200 },
        { "town2",       "GET /points/accounts/{id}",              "village1",         404 },
        { "center",      "GET /points/accounts/{id}",              "village2",         200 },
        { "center",      "GET /points/accounts/{id}",              "county2-village",  404 },
        { "supervisor1", "GET /points/accounts/{id}",              "village1",         200 },
        { "admin",       "GET /points/accounts/{id}",              "county2-village",  200 },

        { "resident1",   "GET /points/accounts/{id}/transactions", "own",              200 },
        { "resident1",   "GET /points/accounts/{id}/transactions", "village1",         403 },
        { "village2",    "GET /points/accounts/{id}/transactions", "village1",         404 },

        { "resident1",   "GET /points/ranking?orgUnitId=",         "village1",         200 },
        { "resident1",   "GET /points/ranking?orgUnitId=",         "village2",         404 },
        { "town1",       "GET /points/ranking?orgUnitId=",         "township2",        404 },
        { "center",      "GET /points/ranking?orgUnitId=",         "county",           200 },

        { "village1",    "POST /points/awards",                    "village1",         201 },
        { "village1",    "POST /points/awards",                    "village2",         404 },
        { "town1",       "POST /points/awards",                    "village1",         201 },
        { "center",      "POST /points/awards",                    "county2-village",  404 },
        { "supervisor1", "POST /points/awards",                    "village1",         403 },
        { "leader1",     "POST /points/awards",                    "village1",         403 },
        { "resident1",   "POST /points/awards",                    "village1",         403 },

        { "supervisor1", "POST /points/awards/{id}/approve",       "village1",         200 },
        { "village1",    "POST /points/awards/{id}/approve",       "village1",         200 },
        { "town2",       "POST /points/awards/{id}/approve",       "village1",         404 },
        { "center",      "POST /points/awards/{id}/approve",       "county2-village",  404 },
        { "resident1",   "POST /points/awards/{id}/approve",       "village1",         403 },

        { "resident1",   "GET /points/notices?orgUnitId=",         "village1",         200 },
        { "resident1",   "GET /points/notices?orgUnitId=",         "village2",         404 },

        { "village1",    "POST /points/transactions/{id}/reverse", "village1",         200 },
        { "village2",    "POST /points/transactions/{id}/reverse", "village1",         404 },
        { "supervisor1", "POST /points/transactions/{id}/reverse", "village1",         403 },
        { "resident1",   "POST /points/transactions/{id}/reverse", "own",              403 },

        { "center",      "GET /point-rules/{id}",                  "county",           200 },
        { "village1",    "GET /point-rules/{id}",                  "county",           200 },
        { "center",      "GET /point-rules/{id}",                  "county2",          404 },
        { "resident1",   "GET /point-rules/{id}",                  "county",           403 },
        { "center",      "PUT /point-rules/{id}",                  "county",           200 },
        { "center",      "PUT /point-rules/{id}",                  "county2",          404 },
        { "town1",       "PUT /point-rules/{id}",                  "county",           403 },

        { "village1",    "POST /market/goods",                     "village1",         201 },
        { "village1",    "POST /market/goods",                     "village2",         404 },
        { "town1",       "POST /market/goods",                     "village1",         201 },
        { "supervisor1", "POST /market/goods",                     "village1",         403 },
        { "resident1",   "POST /market/goods",                     "village1",         403 },

        { "resident1",   "GET /market/goods/{id}",                 "village1",         200 },
        { "resident1",   "GET /market/goods/{id}",                 "township1",        200 },
        { "resident1",   "GET /market/goods/{id}",                 "village2",         404 },
        { "village2",    "GET /market/goods/{id}",                 "village1",         404 },
        { "center",      "GET /market/goods/{id}",                 "village1",         200 },

        { "village1",    "POST /market/goods/{id}/stock",          "village1",         200 },
        { "village2",    "POST /market/goods/{id}/stock",          "village1",         404 },
        { "resident1",   "POST /market/goods/{id}/stock",          "village1",         403 },

        { "resident1",   "POST /market/redemptions",               "village1",         201 },
        { "resident1",   "POST /market/redemptions",               "village2",         404 },
        { "village1",    "POST /market/redemptions (at counter)",  "village1",         201 },
        { "village2",    "POST /market/redemptions (at counter)",  "village1",         404 },

        { "resident1",   "POST /market/redemptions/{id}/cancel",   "own",              200 },
        { "village1",    "POST /market/redemptions/{id}/cancel",   "own",              200 },
        { "village2",    "POST /market/redemptions/{id}/cancel",   "own",              404 },
    };

    [DatabaseTheory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_ForRoleAndTarget_AnswersAsTheScopeRuleSays(string who, string endpoint, string target, int status)
    {
        await ScopeMatrix.AssertAnswerAsync(app, who, endpoint, target, status, caller => CallAsync(caller, endpoint, target));

        await Ledger.AssertBooksBalanceAsync(app);
    }

    private async Task<ApiResponse> CallAsync(ApiClient caller, string endpoint, string target)
    {
        long Unit(string key) => app.Demo.Unit(key);
        switch (endpoint)
        {
            case "GET /points/accounts/{id}":
                return await caller.GetAsync($"/api/v1/points/accounts/{await PersonAsync(target)}");
            case "GET /points/accounts/{id}/transactions":
                return await caller.GetAsync($"/api/v1/points/accounts/{await PersonAsync(target)}/transactions");
            case "GET /points/ranking?orgUnitId=":
                return await caller.GetAsync($"/api/v1/points/ranking?orgUnitId={Unit(target)}");
            case "POST /points/awards":
                return await caller.PostAsync("/api/v1/points/awards", new { personId = await PersonAsync(target), points = 5, reason = "范围测试：好人好事" });
            case "POST /points/awards/{id}/approve":
                var award = (await app.Admin.PostAsync("/api/v1/points/awards", new { personId = await PersonAsync(target), points = 5, reason = "范围测试：好人好事" })).Expect(HttpStatusCode.Created).Id;
                return await caller.PostAsync($"/api/v1/points/awards/{award}/approve");
            case "GET /points/notices?orgUnitId=":
                return await caller.GetAsync($"/api/v1/points/notices?orgUnitId={Unit(target)}");
            case "POST /points/transactions/{id}/reverse":
                var posted = await Ledger.PostAsync(app, new(await PersonAsync(target), 10, Wenming.Web.Modules.Points.Contracts.PointKind.Award, "test:" + Guid.NewGuid(), "范围测试"));
                return await caller.PostAsync($"/api/v1/points/transactions/{posted.TransactionId}/reverse", new { reason = "范围测试：录入有误" });
            case "GET /point-rules/{id}":
                return await caller.GetAsync($"/api/v1/point-rules/{Unit(target)}");
            case "PUT /point-rules/{id}":
                return await caller.PutAsync($"/api/v1/point-rules/{Unit(target)}", new
                {
                    perServiceHour = 10,
                    perActivityAttended = 2,
                    perCompletedOrder = 5,
                    organizerBonusPercent = 20,
                    awardMaxPoints = 50,
                    noticeDays = 3,
                    starThresholds = new[] { 100, 500, 1500, 3000, 5000 },
                    unitsMayOverride = false,
                });
            case "POST /market/goods":
                return await caller.PostAsync("/api/v1/market/goods", new { orgUnitId = Unit(target), name = TestData.Name("范围测试物品"), pricePoints = 10, stock = 5 });
            case "GET /market/goods/{id}":
                return await caller.GetAsync($"/api/v1/market/goods/{await GoodsAsync(target)}");
            case "POST /market/goods/{id}/stock":
                return await caller.PostAsync($"/api/v1/market/goods/{await GoodsAsync(target)}/stock", new { quantity = 3, source = "Purchase" });
            case "POST /market/redemptions":
                return await caller.PostAsync("/api/v1/market/redemptions", new { goodsId = await GoodsAsync(target), personId = await PersonAsync("own"), quantity = 1 });
            case "POST /market/redemptions (at counter)":
                return await caller.PostAsync("/api/v1/market/redemptions", new { goodsId = await GoodsAsync(target), personId = await PersonAsync(target), quantity = 1 });
            case "POST /market/redemptions/{id}/cancel":
                var redemption = (await app.As("resident1").PostAsync("/api/v1/market/redemptions", new { goodsId = await GoodsAsync("village1"), personId = await PersonAsync("own"), quantity = 1 }))
                    .Expect(HttpStatusCode.Created).Id;
                return await caller.PostAsync($"/api/v1/market/redemptions/{redemption}/cancel");
            default:
                throw new ArgumentException("No such endpoint in the matrix: " + endpoint, nameof(endpoint));
        }
    }

    /// <summary>A person with 100 points: resident1 for "own", else a fresh person registered in the unit.</summary>
    private async Task<long> PersonAsync(string target)
    {
        var id = target == "own"
            ? app.Demo.Person("resident1")
            : await ScopeMatrix.NewPersonAsync(app, app.Demo.Unit(target));
        await Ledger.GiveAsync(app, id, 100);
        return id;
    }

    private async Task<long> GoodsAsync(string unitKey) =>
        (await app.Admin.PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit(unitKey), name = TestData.Name("范围测试物品"), pricePoints = 10, stock = 5 }))
            .Expect(HttpStatusCode.Created).Id;
}
