using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The fund under concurrency (issue 14): many payments fired at once that together would overdraw the fund or a
/// project's budget — exactly the ones that fit succeed, the rest answer 409; an idempotent retry pays once; two
/// reversals of one payment give the money back once. The books are checked after each.
/// </summary>
public sealed class FundConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly FundTestKit _kit = new(app);

    [DatabaseFact]
    public async Task TwentyPaymentsAtOnce_AgainstASmallBalance_ExactlyTheSixThatFitSucceed()
    {
        // The second county's own fund: 1,000.00 yuan in, a project with a budget far above it.
        var login = await _kit.County2CenterAsync();
        var county2 = app.Demo.Unit("county2");
        (await _kit.DonateAsync(county2, 100_000, by: login, password: TestData.StrongPassword)).Expect(HttpStatusCode.Created);
        var project = await _kit.ApprovedProjectAsync(county2, 1_000_000, applicant: "admin", approver: login, approverPassword: TestData.StrongPassword);
        _ = await app.TokenAsync(login, TestData.StrongPassword);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _kit.PayAsync(project, 15_000, by: login, password: TestData.StrongPassword)));

        Assert.Equal(6, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "fund.insufficient"));
        var balance = await _kit.BalanceAsync(county2, login, TestData.StrongPassword);
        Assert.Equal(10_000, balance.Balance);
        Assert.Equal(90_000, balance.Payments);
        Assert.Equal(90_000, (await app.As(login, TestData.StrongPassword).GetAsync($"/api/v1/fund/projects/{project}")).Expect(HttpStatusCode.OK).Number("paidFen"));
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task TwentyPaymentsAtOnce_AgainstASmallBudget_ExactlyTheThreeThatFitSucceed()
    {
        var county = app.Demo.Unit("county");
        (await _kit.DonateAsync(county, 1_000_000)).Expect(HttpStatusCode.Created);
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("township1"), 100_000);
        var before = await _kit.BalanceAsync(county);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _kit.PayAsync(project, 30_000)));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "project.budget_exceeded"));
        Assert.Equal(before.Balance - 90_000, (await _kit.BalanceAsync(county)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task APaymentSentThreeTimesAtOnceWithOneKey_PaysOnce()
    {
        var county = app.Demo.Unit("county");
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village1"), 50_000, applicant: "village1");
        var before = await _kit.BalanceAsync(county);
        var key = "pay-" + Guid.NewGuid().ToString("N");
        var body = FundTestKit.PaymentBody(20_000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _kit.PostWithKeyAsync("center", $"/api/v1/fund/projects/{project}/payments", body, key)));
        var retry = await _kit.PostWithKeyAsync("center", $"/api/v1/fund/projects/{project}/payments", body, key);

        var paid = answers.Single(a => a.Answer.Status == HttpStatusCode.Created && !a.Replayed).Answer;
        Assert.True(retry.Replayed);
        Assert.Equal(paid.Id, retry.Answer.Id);
        Assert.Equal(before.Balance - 20_000, (await _kit.BalanceAsync(county)).Balance);
        Assert.Equal(20_000, (await app.As("center").GetAsync($"/api/v1/fund/projects/{project}")).Expect(HttpStatusCode.OK).Number("paidFen"));
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task TenReversalsOfOnePaymentAtOnce_GiveTheMoneyBackOnce()
    {
        var county = app.Demo.Unit("county");
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village1"), 50_000, applicant: "village1");
        var payment = (await _kit.PayAsync(project, 25_000)).Expect(HttpStatusCode.Created);
        var before = await _kit.BalanceAsync(county);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.As("center").PostAsync($"/api/v1/fund/payments/{payment.Id}/reverse", new { reason = "重复拨付" })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "fund.already_reversed"));
        Assert.Equal(before.Balance + 25_000, (await _kit.BalanceAsync(county)).Balance);
        await _kit.AssertBooksBalanceAsync();
    }
}
