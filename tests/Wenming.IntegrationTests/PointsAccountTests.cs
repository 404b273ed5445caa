using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features.Ranking;
using Wenming.Web.Platform.Excel;
using static Wenming.IntegrationTests.PointsTestKit;

namespace Wenming.IntegrationTests;

/// <summary>Point accounts, statements, household totals, the ranking, reversals and the ledger export (issue 5).</summary>
public sealed class PointsAccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ApiClient Station => app.As("village1");

    private long Village1 => app.Demo.Unit("village1");

    private static IReadOnlyList<string?> Kinds(ApiResponse page) => [.. page.Items.Select(i => i.GetProperty("kind").GetString())];

    [DatabaseFact]
    public async Task Statement_ShowsEveryMovement_NewestFirst_WithChineseKinds_AndTheBalanceAdds()
    {
        var person = await PersonAsync(app, Village1);
        await PostAsync(app, person, 30, PointKind.ServiceHours, "志愿服务 3 小时");
        await PostAsync(app, person, 5, PointKind.ActivityAttended, "参加理论宣讲");
        var spent = await PostAsync(app, person, -10, PointKind.Redemption, "兑换洗衣粉 1 袋");

        var account = (await Station.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK);
        Assert.Equal(person, account.Number("personId"));
        Assert.Equal(25, account.Number("balance"));
        Assert.Equal(35, account.Number("earned"));
        Assert.Equal(0, account.Number("creditStars"));
        Assert.Equal(100, account.Number("nextStarAt"));
        Assert.Equal(JsonValueKind.Null, account.Json.GetProperty("household").ValueKind);

        var statement = (await Station.GetAsync($"/api/v1/points/accounts/{person}/transactions")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, statement.Total);
        Assert.Equal(["Redemption", "ActivityAttended", "ServiceHours"], Kinds(statement));
        var first = statement.Items[0];
        Assert.Equal(spent.TransactionId, first.GetProperty("id").GetInt64());
        Assert.Equal(-10, first.GetProperty("amount").GetInt32());
        Assert.Equal(25, first.GetProperty("balanceAfter").GetInt32());
        Assert.Equal("公益超市兑换", first.GetProperty("kindLabel").GetString());
        Assert.Equal("兑换洗衣粉 1 袋", first.GetProperty("reason").GetString());
        Assert.StartsWith("test:", first.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+08:00", first.GetProperty("at").GetString(), StringComparison.Ordinal);
        Assert.False(first.GetProperty("reversible").GetBoolean());
        Assert.Equal([25, 35, 30], statement.Items.Select(i => i.GetProperty("balanceAfter").GetInt32()));
        Assert.Equal("志愿服务时长", statement.Items[2].GetProperty("kindLabel").GetString());

        var paged = (await Station.GetAsync($"/api/v1/points/accounts/{person}/transactions?page=2&pageSize=2")).Expect(HttpStatusCode.OK);
        Assert.Equal(["ServiceHours"], Kinds(paged));
        (await Station.GetAsync($"/api/v1/points/accounts/{person}/transactions?pageSize=101")).ExpectProblem(HttpStatusCode.BadRequest, "validation.page_size");
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task CreditStars_ComeFromEarnedPoints_NotFromTheBalance()
    {
        var person = await PersonAsync(app, Village1);
        await PostAsync(app, person, 120, PointKind.Award, "见义勇为");
        await PostAsync(app, person, -100, PointKind.Redemption, "兑换电饭煲");

        var account = (await Station.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK);
        Assert.Equal(20, account.Number("balance"));
        Assert.Equal(120, account.Number("earned"));
        Assert.Equal(1, account.Number("creditStars"));
        Assert.Equal(500, account.Number("nextStarAt"));
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task Household_IsTheSumOfItsMembersAccounts()
    {
        var household = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var father = await PersonAsync(app, Village1, householdId: household);
        var mother = await PersonAsync(app, Village1, householdId: household);
        var child = await PersonAsync(app, app.Demo.Unit("village1-sibling"), householdId: household);
        var neighbour = await PersonAsync(app, Village1);
        await PostAsync(app, father, 40, PointKind.ServiceHours);
        await PostAsync(app, mother, 25, PointKind.Award);
        await PostAsync(app, mother, -5, PointKind.Redemption);
        await PostAsync(app, neighbour, 99, PointKind.Award);

        // The child has no account yet and lives in another village: still a member, counted with zero.
        var seen = (await app.As("town1").GetAsync($"/api/v1/points/accounts/{child}")).Expect(HttpStatusCode.OK);
        var total = seen.Json.GetProperty("household");
        Assert.Equal(household, total.GetProperty("householdId").GetInt64());
        Assert.Equal(3, total.GetProperty("memberCount").GetInt32());
        Assert.Equal(60, total.GetProperty("balance").GetInt32());
        Assert.Equal(65, total.GetProperty("earned").GetInt32());
        Assert.Equal(0, seen.Number("balance"));
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task PeopleRead_TheirOwnPoints_AdminsAndSupervisorsTheirSubtree_NobodyElse()
    {
        var me = app.Demo.Person("resident1");
        var neighbour = app.Demo.Person("village1-other");
        await PostAsync(app, me, 3, PointKind.ActivityAttended, "参加广场舞活动");
        var resident = app.As("resident1");

        var mine = (await resident.GetAsync("/api/v1/points/accounts/mine")).Expect(HttpStatusCode.OK);
        Assert.Equal(me, mine.Number("personId"));
        (await resident.GetAsync($"/api/v1/points/accounts/{me}")).Expect(HttpStatusCode.OK);
        Assert.Contains("参加广场舞活动", (await resident.GetAsync($"/api/v1/points/accounts/{me}/transactions")).Expect(HttpStatusCode.OK).Body, StringComparison.Ordinal);

        // Another resident of the same village: the role may not, whether that person exists or not.
        (await resident.GetAsync($"/api/v1/points/accounts/{neighbour}")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await resident.GetAsync($"/api/v1/points/accounts/{neighbour}/transactions")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("volunteer1").GetAsync($"/api/v1/points/accounts/{me}")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        (await app.As("supervisor1").GetAsync($"/api/v1/points/accounts/{me}")).Expect(HttpStatusCode.OK);
        (await app.As("town1").GetAsync($"/api/v1/points/accounts/{me}/transactions")).Expect(HttpStatusCode.OK);
        // Admins outside the person's subtree do not find them.
        (await app.As("town2").GetAsync($"/api/v1/points/accounts/{me}")).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        (await app.As("village2").GetAsync($"/api/v1/points/accounts/{me}/transactions")).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        (await app.Anonymous().GetAsync($"/api/v1/points/accounts/{me}")).Expect(HttpStatusCode.Unauthorized);
        // An admin without a person of their own has no account of their own.
        (await app.As("center").GetAsync("/api/v1/points/accounts/mine")).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
    }

    [DatabaseFact]
    public async Task Ranking_OrdersByEarned_TiesByPerson_SharesRanks_AndMasksNamesForResidents()
    {
        var (township, village) = await NewTownshipWithVillageAsync(app);
        var a = await PersonAsync(app, village, "李小明");
        var b = await PersonAsync(app, village, "王芳");
        var c = await PersonAsync(app, village, "欧阳春花");
        var idle = await PersonAsync(app, village, "赵一");
        await PostAsync(app, a, 50, PointKind.ServiceHours);
        await PostAsync(app, b, 80, PointKind.Award);
        await PostAsync(app, b, -70, PointKind.Redemption);
        await PostAsync(app, c, 50, PointKind.ActivityAttended);
        await PostAsync(app, idle, 5, PointKind.Award);
        await PostAsync(app, idle, -5, PointKind.Deduction, debit: DebitRule.UpToBalance);

        var ranking = (await app.As("center").GetAsync($"/api/v1/points/ranking?orgUnitId={township}")).Expect(HttpStatusCode.OK);
        var items = ranking.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.False(ranking.Json.GetProperty("namesMasked").GetBoolean());
        // Earned, not the balance: 王芳 spent 70 and still leads; nobody without earned points is listed.
        Assert.Equal(["王芳", "李小明", "欧阳春花"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 2], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal([b, a, c], items.Select(i => i.GetProperty("personId").GetInt64()));
        Assert.Equal([80, 50, 50], items.Select(i => i.GetProperty("earned").GetInt32()));

        var top1 = (await app.As("center").GetAsync($"/api/v1/points/ranking?orgUnitId={village}&top=1")).Expect(HttpStatusCode.OK);
        Assert.Single(top1.Json.GetProperty("items").EnumerateArray());
        (await app.As("center").GetAsync($"/api/v1/points/ranking?orgUnitId={village}&top=0")).ExpectProblem(HttpStatusCode.BadRequest, "Points.error.top_range");
        // A resident of another village does not see this one.
        (await app.As("resident1").GetAsync($"/api/v1/points/ranking?orgUnitId={village}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        // A resident sees their own village's board, masked, and finds themselves.
        await PostAsync(app, app.Demo.Person("resident1"), 7, PointKind.ActivityAttended);
        var board = (await app.As("resident1").GetAsync("/api/v1/points/ranking")).Expect(HttpStatusCode.OK);
        Assert.True(board.Json.GetProperty("namesMasked").GetBoolean());
        Assert.Equal(Village1, board.Number("orgUnitId"));
        var entries = board.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains('*', e.GetProperty("name").GetString()!));
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("personId").ValueKind));
        Assert.Single(entries, e => e.GetProperty("isMe").GetBoolean());

        Assert.Equal("张*", RankingHandler.Mask("张三"));
        Assert.Equal("张*三", RankingHandler.Mask("张小三"));
        Assert.Equal("欧**花", RankingHandler.Mask("欧阳春花"));
    }

    [DatabaseFact]
    public async Task Reverse_PostsTheOpposite_Once_AndSecondTimeIs409()
    {
        var person = await PersonAsync(app, Village1);
        var award = await PostAsync(app, person, 40, PointKind.Award, "好人好事");

        var reversed = (await Station.PostAsync($"/api/v1/points/transactions/{award.TransactionId}/reverse", new { reason = "录入错误，重复奖励" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Reversal", reversed.Text("kind"));
        Assert.Equal("冲正", reversed.Text("kindLabel"));
        Assert.Equal(-40, reversed.Number("amount"));
        Assert.Equal(0, reversed.Number("balanceAfter"));
        Assert.Equal(award.TransactionId, reversed.Number("reversesTransactionId"));
        Assert.Equal($"reversal:{award.TransactionId}", reversed.Text("source"));
        Assert.Equal("录入错误，重复奖励", reversed.Text("reason"));
        Assert.Equal("village1", reversed.Text("byName"));

        (await Station.PostAsync($"/api/v1/points/transactions/{award.TransactionId}/reverse", new { reason = "再来一次" }))
            .ExpectProblem(HttpStatusCode.Conflict, "points.already_reversed");
        var statement = (await Station.GetAsync($"/api/v1/points/accounts/{person}/transactions")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, statement.Total);
        Assert.Equal(reversed.Id, statement.Items[1].GetProperty("reversedByTransactionId").GetInt64());
        Assert.False(statement.Items[1].GetProperty("reversible").GetBoolean());
        var account = (await Station.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, account.Number("balance"));
        Assert.Equal(0, account.Number("earned"));
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task Reverse_TakesBackAtMostTheBalance()
    {
        var person = await PersonAsync(app, Village1);
        var earned = await PostAsync(app, person, 30, PointKind.ServiceHours);
        await PostAsync(app, person, -25, PointKind.Redemption);

        var reversed = (await Station.PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "服务记录有误" })).Expect(HttpStatusCode.OK);
        Assert.Equal(-5, reversed.Number("amount"));
        Assert.Equal(0, reversed.Number("balanceAfter"));

        // Reversing a deduction gives the points back.
        await PostAsync(app, person, 8, PointKind.Award);
        var taken = await PostAsync(app, person, -6, PointKind.Deduction, "大操大办", DebitRule.UpToBalance);
        var back = (await Station.PostAsync($"/api/v1/points/transactions/{taken.TransactionId}/reverse", new { reason = "经复核不属实" })).Expect(HttpStatusCode.OK);
        Assert.Equal(6, back.Number("amount"));
        Assert.Equal(8, back.Number("balanceAfter"));
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task Reverse_IsRefused_OnRedemptions_Reversals_WithoutReason_AndOutsideTheSubtree_ChangingNothing()
    {
        var person = await PersonAsync(app, Village1);
        var earned = await PostAsync(app, person, 20, PointKind.ServiceHours);
        var spent = await PostAsync(app, person, -10, PointKind.Redemption);
        var refund = await PostAsync(app, person, 10, PointKind.RedemptionRefund);

        (await Station.PostAsync($"/api/v1/points/transactions/{spent.TransactionId}/reverse", new { reason = "不要了" })).ExpectProblem(HttpStatusCode.Conflict, "points.not_reversible");
        (await Station.PostAsync($"/api/v1/points/transactions/{refund.TransactionId}/reverse", new { reason = "不要了" })).ExpectProblem(HttpStatusCode.Conflict, "points.not_reversible");

        var empty = (await Station.PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "  " })).ExpectProblem(HttpStatusCode.BadRequest, "Points.error.reason_required");
        Assert.Equal(["请填写冲正理由。"], empty.FieldErrors("reason"));
        var longReason = (await Station.PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = new string('错', 201) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["冲正理由不能超过200个字。"], longReason.FieldErrors("reason"));
        (await app.As("resident1").PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("supervisor1").PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("town2").PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "x" })).ExpectProblem(HttpStatusCode.NotFound, "points.transaction_not_found");
        (await app.As("village2").PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "x" })).ExpectProblem(HttpStatusCode.NotFound, "points.transaction_not_found");

        var statement = (await Station.GetAsync($"/api/v1/points/accounts/{person}/transactions")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, statement.Total);
        Assert.Equal(20, (await Station.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK).Number("balance"));

        // A reversal itself is not reversed again.
        var reversal = (await app.As("town1").PostAsync($"/api/v1/points/transactions/{earned.TransactionId}/reverse", new { reason = "录错" })).Expect(HttpStatusCode.OK);
        (await Station.PostAsync($"/api/v1/points/transactions/{reversal.Id}/reverse", new { reason = "撤销冲正" })).ExpectProblem(HttpStatusCode.Conflict, "points.not_reversible");
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task Reverse_TenTimesAtOnce_ReversesOnce()
    {
        var person = await PersonAsync(app, Village1);
        var award = await PostAsync(app, person, 15, PointKind.Award);
        var token = await app.TokenAsync("village1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            app.WithToken(token).PostAsync($"/api/v1/points/transactions/{award.TransactionId}/reverse", new { reason = "同时冲正" })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "points.already_reversed"));
        Assert.Equal(0, (await Station.GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK).Number("balance"));
        await AssertLedgerHoldsAsync(app);
    }

    [DatabaseFact]
    public async Task Ledger_FiltersByUnitPersonAndDate_AndTheExportHasTheSameRows()
    {
        var (township, village) = await NewTownshipWithVillageAsync(app);
        var person = await PersonAsync(app, village, "台账测试人");
        var other = await PersonAsync(app, Village1);
        await PostAsync(app, person, 12, PointKind.ServiceHours, "敬老院服务");
        await PostAsync(app, person, -2, PointKind.Redemption, "兑换牙膏");
        await PostAsync(app, other, 9, PointKind.Award);

        var center = app.As("center");
        var ledger = (await center.GetAsync($"/api/v1/points/transactions?orgUnitId={township}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, ledger.Total);
        Assert.All(ledger.Items, i => Assert.Equal("台账测试人", i.GetProperty("personName").GetString()));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, (await center.GetAsync($"/api/v1/points/transactions?orgUnitId={township}&from={today}&to={today}")).Expect(HttpStatusCode.OK).Total);
        Assert.Equal(0, (await center.GetAsync($"/api/v1/points/transactions?orgUnitId={township}&from={tomorrow}")).Expect(HttpStatusCode.OK).Total);
        Assert.Equal(1, (await center.GetAsync($"/api/v1/points/transactions?personId={person}&kind=Redemption")).Expect(HttpStatusCode.OK).Total);
        var backwards = (await center.GetAsync($"/api/v1/points/transactions?from={tomorrow}&to={today}")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["结束日期不能早于开始日期。"], backwards.FieldErrors("to"));
        // A station admin's ledger holds only their village.
        var station = (await Station.GetAsync($"/api/v1/points/transactions?personId={person}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, station.Total);
        (await Station.GetAsync($"/api/v1/points/transactions?orgUnitId={township}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("resident1").GetAsync("/api/v1/points/transactions")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var rows = await DownloadAsync("center", $"/api/v1/points/transactions/export?orgUnitId={township}");
        Assert.Equal(["流水号", "时间", "姓名", "所属单位", "类别", "积分变动", "变动后余额", "事由", "来源", "经办人", "冲正的流水号"], rows[0].Cells.Take(11));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["台账测试人", "志愿服务时长", "12", "12", "敬老院服务"], new[] { rows[1][2], rows[1][4], rows[1][5], rows[1][6], rows[1][7] });
        Assert.Equal(["公益超市兑换", "-2", "10", "兑换牙膏"], new[] { rows[2][4], rows[2][5], rows[2][6], rows[2][7] });
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("supervisor1", "/api/v1/points/transactions/export")).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        return await app.Http.SendAsync(request);
    }

    private async Task<IReadOnlyList<ExcelRow>> DownloadAsync(string login, string path)
    {
        using var response = await SendAsync(login, path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(ExcelWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var read = ExcelReader.Read(new MemoryStream(bytes));
        Assert.True(read.IsSuccess, read.Error?.Message);
        return read.Value;
    }
}
