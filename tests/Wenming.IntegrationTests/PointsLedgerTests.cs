using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The points ledger itself (DESIGN §6), through the real <see cref="IPointsLedger"/> on a real database:
/// a source pays once, the balance never goes below zero, and under concurrency every balance still
/// equals the sum of its rows.
/// </summary>
public sealed class PointsLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<long> NewPersonAsync() =>
        (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("积分户"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
        .Expect(HttpStatusCode.Created).Id;

    private static PointPosting Credit(long personId, int points, string? key = null) =>
        new(personId, points, PointKind.Award, key ?? "test:" + Guid.NewGuid(), "测试加分");

    private static PointPosting Spend(long personId, int points, string? key = null) =>
        new(personId, -points, PointKind.Redemption, key ?? "test-spend:" + Guid.NewGuid(), "测试兑换");

    private async Task<List<PointTransaction>> RowsAsync(long personId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PointTransaction>()
            .IgnoreQueryFilters().AsNoTracking().Where(t => t.PersonId == personId).OrderBy(t => t.Id).ToListAsync();
    }

    [DatabaseFact]
    public async Task A_credit_opens_the_account_and_a_row_records_the_balance_after()
    {
        var person = await NewPersonAsync();

        var first = await Ledger.PostAsync(app, Credit(person, 30));
        var second = await Ledger.PostAsync(app, Credit(person, 12));

        Assert.Equal((PostingOutcome.Posted, 30, 30), (first.Outcome, first.Applied, first.BalanceAfter));
        Assert.Equal((PostingOutcome.Posted, 42), (second.Outcome, second.BalanceAfter));
        var rows = await RowsAsync(person);
        Assert.Equal([30, 42], rows.Select(r => r.BalanceAfter));
        Assert.All(rows, r => Assert.Equal("test", r.ByName));
        Assert.Equal(new PointBalance(person, 42, 42, 0), await Ledger.BalanceAsync(app, person));
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task The_same_source_key_pays_once_and_answers_with_the_first_transaction()
    {
        var person = await NewPersonAsync();
        var key = "service-hours:" + Guid.NewGuid();

        var first = await Ledger.PostAsync(app, Credit(person, 25, key));
        var again = await Ledger.PostAsync(app, Credit(person, 25, key));

        Assert.Equal(PostingOutcome.Posted, first.Outcome);
        Assert.Equal(PostingOutcome.AlreadyPosted, again.Outcome);
        Assert.Equal(first.TransactionId, again.TransactionId);
        Assert.Single(await RowsAsync(person));
        Assert.Equal(25, (await Ledger.BalanceAsync(app, person)).Balance);
    }

    [DatabaseFact]
    public async Task Twenty_deliveries_of_one_source_at_once_pay_once()
    {
        var person = await NewPersonAsync();
        var key = "service-hours:" + Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Ledger.PostAsync(app, Credit(person, 20, key))));

        Assert.Single(results, r => r.Outcome == PostingOutcome.Posted);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(await RowsAsync(person));
        Assert.Equal(20, (await Ledger.BalanceAsync(app, person)).Balance);
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task A_strict_debit_larger_than_the_balance_is_refused_and_writes_nothing()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 9));

        var refused = await Ledger.PostAsync(app, Spend(person, 10));

        Assert.Equal((PostingOutcome.Insufficient, 0, 9), (refused.Outcome, refused.Applied, refused.BalanceAfter));
        Assert.Single(await RowsAsync(person));
        Assert.Equal(9, (await Ledger.BalanceAsync(app, person)).Balance);
    }

    [DatabaseFact]
    public async Task Twenty_five_points_and_five_ten_point_debits_at_once_pay_exactly_two()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 25));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Ledger.PostAsync(app, Spend(person, 10))));

        Assert.Equal(2, results.Count(r => r.Outcome == PostingOutcome.Posted));
        Assert.Equal(3, results.Count(r => r.Outcome == PostingOutcome.Insufficient));
        var balance = await Ledger.BalanceAsync(app, person);
        Assert.Equal(5, balance.Balance);
        // Spending is not earning: credit stars stay where the earning put them.
        Assert.Equal(25, balance.Earned);
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task A_deduction_takes_what_is_there_and_never_goes_below_zero()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 8));

        var result = await Ledger.PostAsync(app, new PointPosting(person, -20, PointKind.Deduction, "test:" + Guid.NewGuid(), "测试扣分", DebitRule.UpToBalance));
        var onEmpty = await Ledger.PostAsync(app, new PointPosting(person, -5, PointKind.Deduction, "test:" + Guid.NewGuid(), "测试扣分", DebitRule.UpToBalance));

        Assert.Equal((PostingOutcome.Posted, -8, 0), (result.Outcome, result.Applied, result.BalanceAfter));
        Assert.Equal((PostingOutcome.Posted, 0, 0), (onEmpty.Outcome, onEmpty.Applied, onEmpty.BalanceAfter));
        Assert.Equal(new PointBalance(person, 0, 0, 0), await Ledger.BalanceAsync(app, person));
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task Credits_deductions_and_spending_racing_on_one_account_keep_the_books_balanced()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 10));

        var postings = Enumerable.Range(0, 60).Select(i => (i % 3) switch
        {
            0 => Credit(person, 7),
            1 => Spend(person, 5),
            _ => new PointPosting(person, -4, PointKind.Deduction, "test:" + Guid.NewGuid(), "测试扣分", DebitRule.UpToBalance),
        });
        var results = await Task.WhenAll(postings.Select(p => Ledger.PostAsync(app, p)));

        var rows = await RowsAsync(person);
        Assert.Equal(1 + results.Count(r => r.Outcome == PostingOutcome.Posted), rows.Count);
        Assert.Equal(rows[^1].BalanceAfter, (await Ledger.BalanceAsync(app, person)).Balance);
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task Credit_stars_follow_earned_points_and_the_county_thresholds()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 120));
        await Ledger.PostAsync(app, Spend(person, 100));

        Assert.Equal(new PointBalance(person, 20, 120, 1), await Ledger.BalanceAsync(app, person));
    }

    [DatabaseFact]
    public async Task A_posting_inside_a_transaction_the_caller_rolls_back_leaves_nothing()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 50));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("test");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var inside = await scope.ServiceProvider.GetRequiredService<IPointsLedger>().PostAsync(Spend(person, 30), CancellationToken.None);
            Assert.Equal(PostingOutcome.Posted, inside.Outcome);
            await transaction.RollbackAsync();
        }

        Assert.Single(await RowsAsync(person));
        Assert.Equal(50, (await Ledger.BalanceAsync(app, person)).Balance);
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task The_database_itself_refuses_a_negative_balance()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 5));

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<PointAccount>().IgnoreQueryFilters().Where(a => a.PersonId == person)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, -1)));
        Assert.Equal(5, (await Ledger.BalanceAsync(app, person)).Balance);
    }

    [DatabaseFact]
    public async Task Every_posting_is_in_the_audit_log_with_who_and_the_balance_before_and_after()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 15));
        var spent = await Ledger.PostAsync(app, Spend(person, 10));

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Set<PointAccount>().IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.PersonId == person);
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => (e.EntityType == nameof(PointAccount) && e.EntityId == account.Id.ToString()) || (e.EntityType == nameof(PointTransaction) && e.EntityId == spent.TransactionId!.Value.ToString()))
            .ToListAsync();

        Assert.Equal(2, entries.Count(e => e.EntityType == nameof(PointAccount)));
        Assert.Contains(entries, e => e.EntityType == nameof(PointAccount) && e.Changes.Contains("\"old\":15") && e.Changes.Contains("\"new\":5"));
        Assert.Single(entries, e => e.EntityType == nameof(PointTransaction));
        Assert.All(entries, e => Assert.Equal("test", e.Login));
    }

    [DatabaseFact]
    public async Task An_account_follows_its_person_to_another_village_with_the_next_posting()
    {
        var person = await NewPersonAsync();
        await Ledger.PostAsync(app, Credit(person, 10));
        (await app.Admin.PutAsync($"/api/v1/people/{person}", new { name = "搬迁户", phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") })).Expect(HttpStatusCode.OK);

        await Ledger.PostAsync(app, Credit(person, 5));

        (await app.As("village2").GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.OK);
        (await app.As("village1").GetAsync($"/api/v1/points/accounts/{person}")).Expect(HttpStatusCode.NotFound);
        var rows = await RowsAsync(person);
        Assert.Equal([app.Demo.Unit("village1"), app.Demo.Unit("village2")], rows.Select(r => r.OrgUnitId));
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task A_row_is_reversed_once_even_when_two_sources_ask_for_it()
    {
        var person = await NewPersonAsync();
        var earned = await Ledger.PostAsync(app, Credit(person, 30));
        PointPosting Reverse(string key) => new(person, -30, PointKind.Reversal, key, "测试冲正", DebitRule.UpToBalance, earned.TransactionId);

        var byCadre = await Ledger.PostAsync(app, Reverse("reversal:" + earned.TransactionId));
        var byEvent = await Ledger.PostAsync(app, Reverse("reversal:service-hours:" + Guid.NewGuid()));

        Assert.Equal(PostingOutcome.Posted, byCadre.Outcome);
        Assert.Equal((PostingOutcome.AlreadyPosted, byCadre.TransactionId), (byEvent.Outcome, byEvent.TransactionId));
        Assert.Equal(0, (await Ledger.BalanceAsync(app, person)).Balance);
        Assert.Equal(2, (await RowsAsync(person)).Count);
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task An_unknown_person_gets_nothing()
    {
        var result = await Ledger.PostAsync(app, Credit(987_654_321, 10));

        Assert.Equal(PostingOutcome.PersonNotFound, result.Outcome);
        Assert.Empty(await RowsAsync(987_654_321));
    }
}
