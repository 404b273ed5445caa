using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>Direct access to the points ledger of a running test app: to give people points, and to check the books.</summary>
public static class Ledger
{
    /// <summary>Posts through the real ledger in a fresh scope, as a system operator (like a job or an event handler).</summary>
    public static async Task<PostingResult> PostAsync(AppFixture app, PointPosting posting)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("test");
        return await scope.ServiceProvider.GetRequiredService<IPointsLedger>().PostAsync(posting, CancellationToken.None);
    }

    /// <summary>Gives a person points for a test (a hand award with a fresh source key).</summary>
    public static async Task GiveAsync(AppFixture app, long personId, int points)
    {
        var result = await PostAsync(app, new PointPosting(personId, points, PointKind.Award, "test:" + Guid.NewGuid(), "测试积分"));
        Assert.Equal(PostingOutcome.Posted, result.Outcome);
    }

    public static async Task<PointBalance> BalanceAsync(AppFixture app, long personId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPointsLedger>().BalanceUnscopedAsync(personId, CancellationToken.None);
    }

    /// <summary>
    /// The books balance: for every account, the balance is the sum of its rows, the earned total the sum of
    /// its earning rows, each row's balance-after is the running sum in posting order, and nothing is below zero.
    /// </summary>
    public static async Task AssertBooksBalanceAsync(AppFixture app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accounts = await db.Set<PointAccount>().IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var rows = (await db.Set<PointTransaction>().IgnoreQueryFilters().AsNoTracking().ToListAsync()).ToLookup(t => t.PersonId);
        foreach (var account in accounts)
        {
            long balance = 0, earned = 0;
            foreach (var row in rows[account.PersonId].OrderBy(t => t.Id))
            {
                balance += row.Amount;
                earned += PointAccount.CountsAsEarned(row.Kind) ? row.Amount : 0;
                Assert.True(balance >= 0, $"person {account.PersonId}: balance below zero after transaction {row.Id}");
                Assert.True(row.BalanceAfter == balance, $"person {account.PersonId}: transaction {row.Id} says balance {row.BalanceAfter}, the rows before it add up to {balance}");
                Assert.True(row.EarnedAfter == earned, $"person {account.PersonId}: transaction {row.Id} says earned {row.EarnedAfter}, the rows add up to {earned}");
            }

            Assert.True(account.Balance == balance, $"person {account.PersonId}: account balance {account.Balance}, ledger sum {balance}");
            Assert.True(account.Earned == earned, $"person {account.PersonId}: account earned {account.Earned}, ledger sum {earned}");
        }

        Assert.Empty(rows.Select(g => g.Key).Except(accounts.Select(a => a.PersonId)));
    }
}
