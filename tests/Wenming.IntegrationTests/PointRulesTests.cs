using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features.Rules;
using static Wenming.IntegrationTests.PointsTestKit;

namespace Wenming.IntegrationTests;

/// <summary>The county's point rules, units' overrides of the earning amounts, and what applies where (RULES.md "Points").</summary>
public sealed class PointRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ApiClient Center => app.As("center");

    private long County => app.Demo.Unit("county");

    private static object Rules(
        int perServiceHour = 10, int perActivityAttended = 2, int perCompletedOrder = 5, int organizerBonusPercent = 20, int awardMaxPoints = 50,
        int noticeDays = 3, int[]? starThresholds = null, bool? unitsMayOverride = false) => new
        {
            perServiceHour,
            perActivityAttended,
            perCompletedOrder,
            organizerBonusPercent,
            awardMaxPoints,
            noticeDays,
            starThresholds = starThresholds ?? [100, 500, 1500, 3000, 5000],
            unitsMayOverride,
        };

    private static JsonElement UnitRow(ApiResponse rules, long unitId) =>
        rules.Json.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("orgUnitId").GetInt64() == unitId);

    private static (int Value, string Source) Field(JsonElement unit, string field) =>
        (unit.GetProperty(field).GetProperty("value").GetInt32(), unit.GetProperty(field).GetProperty("source").GetString()!);

    private async Task<long> PerHourAppliedAsync(long unitId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PointRulesReader>().ForUnitAsync(unitId, CancellationToken.None)).PerServiceHour;
    }

    [DatabaseFact]
    public async Task County_SetsAllItsRules_AndEveryoneOfTheCountyReadsThem()
    {
        var set = (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(perServiceHour: 12, awardMaxPoints: 30, noticeDays: 5, starThresholds: [50, 200, 800, 2000, 4000])))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(12, set.Number("perServiceHour"));
        Assert.False(set.Json.GetProperty("isDefault").GetBoolean());
        Assert.Equal([50, 200, 800, 2000, 4000], set.Json.GetProperty("starThresholds").EnumerateArray().Select(t => t.GetInt32()));

        var read = (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.Equal(30, read.Number("awardMaxPoints"));
        Assert.Equal(5, read.Number("noticeDays"));
        Assert.Equal((12, "County"), Field(UnitRow(read, app.Demo.Unit("village1")), "perServiceHour"));
        Assert.Equal(12, await PerHourAppliedAsync(app.Demo.Unit("village1-point")));

        // Stars follow the county's thresholds.
        var person = await PersonAsync(app, app.Demo.Unit("village1"));
        await PostAsync(app, person, 210, PointKind.ServiceHours);
        var account = (await Center.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, account.Number("creditStars"));
        Assert.Equal(800, account.Number("nextStarAt"));

        // A township admin and the supervisor read them (the township admin sees only their own units).
        var town = (await app.As("town1").GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.Equal(12, town.Number("perServiceHour"));
        var units = town.Json.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("orgUnitId").GetInt64()).ToList();
        Assert.Contains(app.Demo.Unit("village1"), units);
        Assert.DoesNotContain(app.Demo.Unit("village2"), units);
        (await app.As("supervisor1").GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        (await app.As("resident1").GetAsync($"/api/v1/point-rules/{County}")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await Center.GetAsync($"/api/v1/point-rules/{app.Demo.Unit("county2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await Center.GetAsync($"/api/v1/point-rules/{app.Demo.Unit("township1")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
    }

    [DatabaseFact]
    public async Task County_WithNothingSet_ShowsRulesMdDefaults()
    {
        var county2 = app.Demo.Unit("county2");
        var read = (await app.Admin.GetAsync($"/api/v1/point-rules/{county2}")).Expect(HttpStatusCode.OK);
        Assert.True(read.Json.GetProperty("isDefault").GetBoolean());
        Assert.Equal(
            [10, 2, 5, 20, 50, 3],
            new[] { "perServiceHour", "perActivityAttended", "perCompletedOrder", "organizerBonusPercent", "awardMaxPoints", "noticeDays" }.Select(f => (int)read.Number(f)));
        Assert.Equal([100, 500, 1500, 3000, 5000], read.Json.GetProperty("starThresholds").EnumerateArray().Select(t => t.GetInt32()));
        Assert.False(read.Json.GetProperty("unitsMayOverride").GetBoolean());
        Assert.Equal((10, "County"), Field(UnitRow(read, app.Demo.Unit("county2-village")), "perServiceHour"));
    }

    [DatabaseFact]
    public async Task County_BadValues_Answer400WithChineseFieldMessages_AndChangeNothing()
    {
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(perServiceHour: 11))).Expect(HttpStatusCode.OK);

        var refused = (await Center.PutAsync($"/api/v1/point-rules/{County}", new
        {
            perServiceHour = -1,
            perActivityAttended = 2,
            perCompletedOrder = 5001,
            organizerBonusPercent = 101,
            awardMaxPoints = 0,
            noticeDays = 31,
            starThresholds = new[] { 100, 50, 1500, 3000, 5000 },
        })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["每小时志愿服务积分须为0到1000之间的整数。"], refused.FieldErrors("perServiceHour"));
        Assert.Equal(["每完成一单积分须为0到1000之间的整数。"], refused.FieldErrors("perCompletedOrder"));
        Assert.Equal(["组织者奖励比例（%）须为0到100之间的整数。"], refused.FieldErrors("organizerBonusPercent"));
        Assert.Equal(["单次奖励或扣减上限须为1到1000之间的整数。"], refused.FieldErrors("awardMaxPoints"));
        Assert.Equal(["公示天数须为0到30之间的整数。"], refused.FieldErrors("noticeDays"));
        Assert.Equal(["请填写5个从小到大的星级门槛，每个为1到10000000之间的整数。"], refused.FieldErrors("starThresholds"));
        Assert.Equal(["请填写允许下级单位单独设定。"], refused.FieldErrors("unitsMayOverride"));
        Assert.Empty(refused.FieldErrors("perActivityAttended"));
        var four = (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(starThresholds: [1, 2, 3, 4]))).Expect(HttpStatusCode.BadRequest);
        Assert.Single(four.FieldErrors("starThresholds"));

        var read = (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.Equal(11, read.Number("perServiceHour"));
        Assert.Equal(50, read.Number("awardMaxPoints"));

        // Only the county's center admins and the system admin change them.
        (await app.As("town1").PutAsync($"/api/v1/point-rules/{County}", Rules(perServiceHour: 99))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("supervisor1").PutAsync($"/api/v1/point-rules/{County}", Rules(perServiceHour: 99))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await Center.PutAsync($"/api/v1/point-rules/{app.Demo.Unit("county2")}", Rules(perServiceHour: 99))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        Assert.Equal(11, (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK).Number("perServiceHour"));
    }

    [DatabaseFact]
    public async Task UnitOverrides_AreRefused_WhileTheCountyDoesNotAllowThem()
    {
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(unitsMayOverride: false))).Expect(HttpStatusCode.OK);
        var village = app.Demo.Unit("village1-sibling");

        (await Center.PutAsync($"/api/v1/point-rules/units/{village}", new { perServiceHour = 15 }))
            .ExpectProblem(HttpStatusCode.Conflict, "point_rules.overrides_not_allowed");
        var read = (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.Equal((10, "County"), Field(UnitRow(read, village), "perServiceHour"));
        Assert.False(UnitRow(read, village).GetProperty("hasOwn").GetBoolean());
        Assert.Equal(10, await PerHourAppliedAsync(village));
    }

    [DatabaseFact]
    public async Task UnitOverrides_WhenAllowed_ApplyBelow_ShowWhereTheyComeFrom_AndCanBeRemoved()
    {
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(unitsMayOverride: true))).Expect(HttpStatusCode.OK);
        var (township, village) = await NewTownshipWithVillageAsync(app);

        var own = (await Center.PutAsync($"/api/v1/point-rules/units/{township}", new { perActivityAttended = 4 })).Expect(HttpStatusCode.OK);
        Assert.Equal((4, "Own"), Field(own.Json, "perActivityAttended"));
        Assert.Equal((10, "County"), Field(own.Json, "perServiceHour"));
        var villageSet = (await Center.PutAsync($"/api/v1/point-rules/units/{village}", new { perServiceHour = 15 })).Expect(HttpStatusCode.OK);
        Assert.Equal((15, "Own"), Field(villageSet.Json, "perServiceHour"));

        var read = (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.True(read.Json.GetProperty("unitsMayOverride").GetBoolean());
        var row = UnitRow(read, village);
        Assert.Equal((15, "Own"), Field(row, "perServiceHour"));
        Assert.Equal((4, "Parent"), Field(row, "perActivityAttended"));
        Assert.Equal((5, "County"), Field(row, "perCompletedOrder"));
        Assert.True(row.GetProperty("hasOwn").GetBoolean());
        Assert.Equal(15, await PerHourAppliedAsync(village));
        Assert.Equal(10, await PerHourAppliedAsync(township));

        // Switching overrides off: the rows stay, but the county's values apply everywhere again.
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(unitsMayOverride: false))).Expect(HttpStatusCode.OK);
        var off = (await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK);
        Assert.Equal((10, "County"), Field(UnitRow(off, village), "perServiceHour"));
        Assert.Equal(10, await PerHourAppliedAsync(village));
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(unitsMayOverride: true))).Expect(HttpStatusCode.OK);

        (await app.Admin.SendAsync(HttpMethod.Delete, $"/api/v1/point-rules/units/{village}", null)).Expect(HttpStatusCode.NoContent);
        (await app.Admin.SendAsync(HttpMethod.Delete, $"/api/v1/point-rules/units/{village}", null)).ExpectProblem(HttpStatusCode.NotFound, "point_rules.no_override");
        Assert.Equal((10, "County"), Field(UnitRow((await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK), village), "perServiceHour"));
        Assert.Equal(10, await PerHourAppliedAsync(village));
    }

    [DatabaseFact]
    public async Task UnitOverrides_AreSetByAdminsAboveTheUnit_WithValidValues()
    {
        (await Center.PutAsync($"/api/v1/point-rules/{County}", Rules(unitsMayOverride: true))).Expect(HttpStatusCode.OK);
        var village1 = app.Demo.Unit("village1");

        var bad = (await app.As("town1").PutAsync($"/api/v1/point-rules/units/{village1}", new { perServiceHour = 1001, organizerBonusPercent = -5 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["每小时志愿服务积分须为0到1000之间的整数。"], bad.FieldErrors("perServiceHour"));
        Assert.Equal(["组织者奖励比例（%）须为0到100之间的整数。"], bad.FieldErrors("organizerBonusPercent"));
        var empty = (await app.As("town1").PutAsync($"/api/v1/point-rules/units/{village1}", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["请至少填写一项单独设定的积分标准。"], empty.FieldErrors("perServiceHour"));
        Assert.False(UnitRow((await Center.GetAsync($"/api/v1/point-rules/{County}")).Expect(HttpStatusCode.OK), village1).GetProperty("hasOwn").GetBoolean());

        // The station does not price its own points; other townships do not see the village; the county is set on its own endpoint.
        (await app.As("village1").PutAsync($"/api/v1/point-rules/units/{village1}", new { perServiceHour = 20 })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("town2").PutAsync($"/api/v1/point-rules/units/{village1}", new { perServiceHour = 20 })).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("supervisor1").PutAsync($"/api/v1/point-rules/units/{village1}", new { perServiceHour = 20 })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await Center.PutAsync($"/api/v1/point-rules/units/{County}", new { perServiceHour = 20 })).ExpectProblem(HttpStatusCode.Conflict, "point_rules.not_overridable");
        (await app.As("village1").SendAsync(HttpMethod.Delete, $"/api/v1/point-rules/units/{village1}", null)).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var set = (await app.As("town1").PutAsync($"/api/v1/point-rules/units/{village1}", new { perServiceHour = 20, perCompletedOrder = 0 })).Expect(HttpStatusCode.OK);
        Assert.Equal((20, "Own"), Field(set.Json, "perServiceHour"));
        Assert.Equal((0, "Own"), Field(set.Json, "perCompletedOrder"));
        Assert.Equal(20, await PerHourAppliedAsync(village1));
        (await app.As("town1").SendAsync(HttpMethod.Delete, $"/api/v1/point-rules/units/{village1}", null)).Expect(HttpStatusCode.NoContent);
    }
}
