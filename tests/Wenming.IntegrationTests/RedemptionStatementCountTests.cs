using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// What one redemption costs the database (issue 19): it was 38 statements on PostgreSQL (8 savepoints, 5
/// audit inserts one by one, the person and the unit read twice, the goods re-read after the UPDATE that had
/// just decided). Counted with the tests' <see cref="StatementRecorder"/> (commands and savepoints), so the count cannot creep back
/// unnoticed: a count, not a time.
/// </summary>
public sealed class RedemptionStatementCountTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>
    /// The whole request, sign-in check included: 3 reads before the transaction (goods, person, the person's
    /// unit) and, inside it, the redemption and its audit row, the balance UPDATE, the posting with the account's
    /// audit row and the posting's audit row, then (the goods row locked last, ADR 0065) the stock UPDATE, the
    /// movement with the goods' audit row and the movement's audit row (on PostgreSQL one statement sent with the
    /// COMMIT, ADR 0070); plus what authentication reads per request (at most 4).
    /// </summary>
    private const int MaxStatements = 18;

    private readonly MarketTestKit _kit = new(app);

    [DatabaseFact]
    public async Task A_redemption_at_the_counter_takes_a_few_statements_and_no_savepoints()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        var goods = await _kit.GoodsAsync(price: 10, stock: 5);
        await using var host = new RecordedHost(app);
        var recorder = host.Recorder;
        var counter = await host.SignInAsync("village1");

        recorder.Start();
        var redeemed = await counter.PostAsync("/api/v1/market/redemptions", new { goodsId = goods, personId = person, quantity = 1 });
        var statements = StatementRecorder.Lines(recorder.Stop());

        redeemed.Expect(HttpStatusCode.Created);
        Assert.Equal(90, redeemed.Number("balanceAfter"));
        var listing = "The redemption ran:\n" + string.Join("\n", statements);
        Assert.True(statements.Count <= MaxStatements, $"{statements.Count} statements, at most {MaxStatements} expected. {listing}");
        Assert.DoesNotContain(statements, s => s.StartsWith("SAVEPOINT", StringComparison.Ordinal));
        Assert.True(statements.Count(s => s.Contains("UPDATE mkt_goods", StringComparison.Ordinal)) == 1, listing);
        Assert.True(statements.Count(s => s.Contains("UPDATE pts_accounts", StringComparison.Ordinal)) == 1, listing);
        Assert.True(statements.Count(s => s.Contains("FROM ppl_people", StringComparison.Ordinal)) == 1, listing);
        Assert.True(statements.Count(s => s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("FROM mkt_goods", StringComparison.Ordinal)) == 1, listing);
        Assert.True(statements.Count(s => s.Contains("INSERT INTO plat_audit", StringComparison.Ordinal)) <= 5, listing);
        await _kit.AssertInvariantsAsync();
    }
}
