using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The practice fund (issue 14) through HTTP: donations with idempotent retries, the review by another person,
/// the second approver above 50,000 yuan, reversals, bad input, scope of lists and exports, and the public
/// disclosure that hides anonymous donors; the books are checked after each.
/// </summary>
public sealed class FundTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly FundTestKit _kit = new(app);

    private long County => app.Demo.Unit("county");

    [DatabaseFact]
    public async Task Donation_SentTwiceWithTheSameKey_IsRecordedOnce()
    {
        var before = await _kit.BalanceAsync(County);
        var body = FundTestKit.DonationBody(County, 12_345);
        var key = "donate-" + Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _kit.PostWithKeyAsync("center", "/api/v1/fund/donations", body, key)));
        var again = await _kit.PostWithKeyAsync("center", "/api/v1/fund/donations", body, key);

        var first = answers.Single(a => a.Answer.Status == HttpStatusCode.Created && !a.Replayed).Answer;
        Assert.Equal("123.45", first.Text("amountYuan"));
        Assert.True(again.Replayed);
        Assert.Equal(first.Id, again.Answer.Id);
        var after = await _kit.BalanceAsync(County);
        Assert.Equal(before.Balance + 12_345, after.Balance);
        Assert.Equal(before.Donations + 12_345, after.Donations);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task Donation_WithBadInput_Is400WithChineseFieldMessages_AndChangesNothing()
    {
        var before = await _kit.BalanceAsync(County);

        var refused = (await app.As("center").PostAsync("/api/v1/fund/donations", new { orgUnitId = County, amountFen = 0, channel = "Bank" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        foreach (var field in new[] { "donorName", "amountFen", "receivedOn", "receiptNumber" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
        }

        var receipt = FundTestKit.Receipt();
        (await app.As("center").PostAsync("/api/v1/fund/donations", new { orgUnitId = County, donorName = "甲", amountFen = 100, channel = "Cash", receivedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), receiptNumber = receipt }))
            .Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync("/api/v1/fund/donations", new { orgUnitId = County, donorName = "乙", amountFen = 100, channel = "Cash", receivedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), receiptNumber = receipt }))
            .ExpectProblem(HttpStatusCode.Conflict, "donation.duplicate_receipt");
        Assert.Equal(before.Balance + 100, (await _kit.BalanceAsync(County)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task OnlyTheCenter_RecordsDonations()
    {
        (await _kit.DonateAsync(app.Demo.Unit("township1"), 100, by: "town1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await _kit.DonateAsync(app.Demo.Unit("village1"), 100, by: "village1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident1").GetAsync("/api/v1/fund/balance")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task Approval_ByTheApplicant_IsRefused_AndByAnother_Passes()
    {
        var id = (await app.As("center").PostAsync("/api/v1/fund/projects", new { orgUnitId = County, title = "中心自己申报", description = "内容", requestedFen = 100_000 }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("Applied", id.Text("status"));

        (await app.As("center").PostAsync($"/api/v1/fund/projects/{id.Id}/approve", new { approvedFen = 100_000 })).ExpectProblem(HttpStatusCode.Conflict, "project.own_application");
        (await app.As("center").PostAsync($"/api/v1/fund/projects/{id.Id}/reject", new { reason = "自己退回" })).ExpectProblem(HttpStatusCode.Conflict, "project.own_application");
        (await app.Admin.PostAsync($"/api/v1/fund/projects/{id.Id}/approve", new { approvedFen = 100_001 })).ExpectProblem(HttpStatusCode.BadRequest, "project.approved_above_requested");

        var approved = (await app.Admin.PostAsync($"/api/v1/fund/projects/{id.Id}/approve", new { approvedFen = 80_000 })).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Text("status"));
        Assert.Equal(80_000, approved.Number("approvedFen"));
        (await app.Admin.PostAsync($"/api/v1/fund/projects/{id.Id}/reject", new { reason = "晚了" })).ExpectProblem(HttpStatusCode.Conflict, "project.invalid_transition");
    }

    [DatabaseFact]
    public async Task Payment_AboveFiftyThousandYuan_WaitsForASecondApprover()
    {
        (await _kit.DonateAsync(County, 10_000_000)).Expect(HttpStatusCode.Created);
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("township1"), 8_000_000);
        var before = await _kit.BalanceAsync(County);

        var atThreshold = (await _kit.PayAsync(project, 5_000_000)).Expect(HttpStatusCode.Created);
        Assert.Equal("Paid", atThreshold.Text("status"));
        var above = (await _kit.PayAsync(project, 3_000_000 - 1 + 1)).Expect(HttpStatusCode.Created);
        Assert.Equal("Paid", above.Text("status"));

        var project2 = await _kit.ApprovedProjectAsync(app.Demo.Unit("township1"), 6_000_000);
        var pending = (await _kit.PayAsync(project2, 5_000_001)).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", pending.Text("status"));
        Assert.Equal(before.Balance - 8_000_000, (await _kit.BalanceAsync(County)).Balance);

        (await app.As("center").PostAsync($"/api/v1/fund/payments/{pending.Id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "payment.own_payment");
        var paid = (await app.Admin.PostAsync($"/api/v1/fund/payments/{pending.Id}/approve")).Expect(HttpStatusCode.OK);
        Assert.Equal("Paid", paid.Text("status"));
        (await app.Admin.PostAsync($"/api/v1/fund/payments/{pending.Id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "payment.not_pending");
        Assert.Equal(before.Balance - 8_000_000 - 5_000_001, (await _kit.BalanceAsync(County)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task Reversal_RestoresBalanceAndBudget_Once_AndKeepsTheOriginal()
    {
        (await _kit.DonateAsync(County, 50_000)).Expect(HttpStatusCode.Created);
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village1"), 30_000, applicant: "village1");
        var before = await _kit.BalanceAsync(County);
        var payment = (await _kit.PayAsync(project, 20_000)).Expect(HttpStatusCode.Created);
        Assert.Equal(before.Balance - 20_000, (await _kit.BalanceAsync(County)).Balance);

        (await app.As("center").PostAsync($"/api/v1/fund/payments/{payment.Id}/reverse", new { reason = "" })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        var reversal = (await app.As("center").PostAsync($"/api/v1/fund/payments/{payment.Id}/reverse", new { reason = "发票有误" })).Expect(HttpStatusCode.Created);
        Assert.Equal(-20_000, reversal.Number("amountFen"));
        Assert.Equal(payment.Id, reversal.Number("reversesId"));
        Assert.Equal(before.Balance, (await _kit.BalanceAsync(County)).Balance);
        Assert.Equal(0, (await app.As("center").GetAsync($"/api/v1/fund/projects/{project}")).Expect(HttpStatusCode.OK).Number("paidFen"));
        (await app.As("center").PostAsync($"/api/v1/fund/payments/{payment.Id}/reverse", new { reason = "再来一次" })).ExpectProblem(HttpStatusCode.Conflict, "fund.already_reversed");
        (await app.As("center").PostAsync($"/api/v1/fund/payments/{reversal.Id}/reverse", new { reason = "冲正的冲正" })).ExpectProblem(HttpStatusCode.Conflict, "fund.not_reversible");

        var payments = (await app.As("center").GetAsync($"/api/v1/fund/payments?projectId={project}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, payments.Total);
        Assert.Contains(payments.Items, p => p.GetProperty("id").GetInt64() == payment.Id && p.GetProperty("reversed").GetBoolean() && p.GetProperty("amountFen").GetInt64() == 20_000);

        var donation = (await _kit.DonateAsync(County, 7_700)).Expect(HttpStatusCode.Created);
        var afterDonation = await _kit.BalanceAsync(County);
        (await app.As("center").PostAsync($"/api/v1/fund/donations/{donation.Id}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);
        Assert.Equal(afterDonation.Balance - 7_700, (await _kit.BalanceAsync(County)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task ADonation_AlreadySpent_CannotBeReversed()
    {
        var login = await _kit.County2CenterAsync();
        var county2 = app.Demo.Unit("county2");
        var donation = (await _kit.DonateAsync(county2, 10_000, by: login, password: TestData.StrongPassword)).Expect(HttpStatusCode.Created);
        var project = await _kit.ApprovedProjectAsync(county2, 10_000, applicant: "admin", approver: login, approverPassword: TestData.StrongPassword);
        (await _kit.PayAsync(project, 6_000, by: login, password: TestData.StrongPassword)).Expect(HttpStatusCode.Created);

        (await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/fund/donations/{donation.Id}/reverse", new { reason = "退款" }))
            .ExpectProblem(HttpStatusCode.Conflict, "fund.insufficient");
        Assert.Equal(4_000, (await _kit.BalanceAsync(county2, login, TestData.StrongPassword)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task Lists_AndExports_StayInTheCallersSubtree()
    {
        var village2Project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village2"), 1_000, applicant: "center", approver: "admin");
        var village1Project = (await app.As("village1").PostAsync("/api/v1/fund/projects", new { orgUnitId = app.Demo.Unit("village1"), title = "村站项目", description = "内容", requestedFen = 500 }))
            .Expect(HttpStatusCode.Created).Id;

        var mine = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/fund/projects?");
        Assert.Contains(mine, p => p.GetProperty("id").GetInt64() == village1Project);
        Assert.DoesNotContain(mine, p => p.GetProperty("id").GetInt64() == village2Project);
        Assert.All(mine, p => Assert.Equal(app.Demo.Unit("village1"), p.GetProperty("orgUnitId").GetInt64()));
        (await app.As("village1").GetAsync($"/api/v1/fund/projects/{village2Project}")).ExpectProblem(HttpStatusCode.NotFound, "project.not_found");
        (await app.As("village1").GetAsync($"/api/v1/fund/payments?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        // The donations are received at the county: a village station sees none of them.
        Assert.Equal(0, (await app.As("village1").GetAsync("/api/v1/fund/donations")).Expect(HttpStatusCode.OK).Total);
        Assert.True((await app.As("center").GetAsync("/api/v1/fund/donations")).Expect(HttpStatusCode.OK).Total > 0);

        var export = (await app.As("village1").GetAsync("/api/v1/fund/projects/export")).Expect(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.ContentType);
        (await app.As("resident1").GetAsync("/api/v1/fund/donations/export")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        // The second county's fund and projects are not the first county's center's.
        (await app.As("center").GetAsync($"/api/v1/fund/balance?orgUnitId={app.Demo.Unit("county2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
    }

    [DatabaseFact]
    public async Task PublicDisclosure_NeedsNoSignIn_AndHidesAnonymousDonors()
    {
        var secret = TestData.Name("不愿留名的捐赠人");
        (await _kit.DonateAsync(County, 88_800, donor: secret, anonymous: true)).Expect(HttpStatusCode.Created);
        var named = TestData.Name("留名企业");
        (await _kit.DonateAsync(County, 1_000, donor: named)).Expect(HttpStatusCode.Created);
        var applied = (await app.As("town1").PostAsync("/api/v1/fund/projects", new { orgUnitId = app.Demo.Unit("township1"), title = TestData.Name("未审核项目"), description = "内容", requestedFen = 500 }))
            .Expect(HttpStatusCode.Created);

        var disclosure = (await app.Anonymous().GetAsync($"/api/v1/public/fund?orgUnitId={app.Demo.Unit("village1")}")).Expect(HttpStatusCode.OK);

        Assert.DoesNotContain(secret, disclosure.Body, StringComparison.Ordinal);
        Assert.Contains(named, disclosure.Body, StringComparison.Ordinal);
        Assert.Contains(disclosure.Json.GetProperty("donations").EnumerateArray(), d => d.GetProperty("donor").GetString() == "爱心人士" && d.GetProperty("amountFen").GetInt64() == 88_800);
        Assert.DoesNotContain(applied.Text("title"), disclosure.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("receipt", disclosure.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((await _kit.BalanceAsync(County)).Balance, disclosure.Number("balanceFen"));
        (await app.Anonymous().GetAsync("/api/v1/public/fund")).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        (await app.Anonymous().GetAsync("/api/v1/fund/balance")).Expect(HttpStatusCode.Unauthorized);

        var page = await app.Http.GetAsync($"/fund/public/{County}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.Contains("爱心人士", html, StringComparison.Ordinal);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task Outcome_ThenClose_EndsThePayments()
    {
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village1"), 10_000, applicant: "village1");
        (await _kit.PayAsync(project, 4_000)).Expect(HttpStatusCode.Created);

        (await app.As("village1").PostAsync($"/api/v1/fund/projects/{project}/close")).ExpectProblem(HttpStatusCode.Conflict, "project.outcome_missing");
        (await app.As("village1").PostAsync($"/api/v1/fund/projects/{project}/outcome", new { summary = "", peopleServed = -1 })).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        var reported = (await app.As("village1").PostAsync($"/api/v1/fund/projects/{project}/outcome", new { summary = "服务老人 40 人次", peopleServed = 40 })).Expect(HttpStatusCode.OK);
        Assert.Equal(40, reported.Number("peopleServed"));
        var closed = (await app.As("village1").PostAsync($"/api/v1/fund/projects/{project}/close")).Expect(HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Text("status"));

        (await _kit.PayAsync(project, 1_000)).ExpectProblem(HttpStatusCode.Conflict, "project.invalid_transition");
        await _kit.AssertBooksBalanceAsync();
    }
}
