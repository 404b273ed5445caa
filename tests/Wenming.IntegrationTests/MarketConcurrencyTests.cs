using System.Net;
using Microsoft.EntityFrameworkCore;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Points.Contracts;

namespace Wenming.IntegrationTests;

/// <summary>
/// The charity supermarket under concurrency (issue 5): never oversold, never below zero, a balance never
/// spent twice, a code used once, a refund paid once; and afterwards every balance equals its ledger and
/// every stock its movements.
/// </summary>
public sealed class MarketConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly MarketTestKit _kit = new(app);

    [DatabaseFact]
    public async Task TwoHundredPeople_RedeemingTenInStock_AtOnce_ExactlyTenSucceed()
    {
        var people = await _kit.PeopleAsync(200);
        foreach (var person in people)
        {
            await _kit.GiveAsync(person, 100);
        }

        var goods = await _kit.GoodsAsync(price: 30, stock: 10);

        var answers = await Task.WhenAll(people.Select(p => _kit.RedeemAsync(goods, p)));

        var won = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(10, won.Count);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "goods.out_of_stock"));
        Assert.Equal(10, won.Select(a => a.Text("pickupCode")).Distinct().Count());
        Assert.Equal(0, await _kit.StockAsync(goods));
        var movements = await _kit.MovementsAsync(goods);
        Assert.Equal(10, movements.Count(m => m.Source == StockSource.Redemption));
        Assert.Equal(Enumerable.Range(0, 10).Reverse(), movements.Where(m => m.Source == StockSource.Redemption).Select(m => m.StockAfter));
        var debits = await _kit.ReadAsync(db => db.Set<Wenming.Web.Modules.Points.Domain.PointTransaction>().IgnoreQueryFilters()
            .CountAsync(t => people.Contains(t.PersonId) && t.Kind == PointKind.Redemption));
        Assert.Equal(10, debits);
        var winners = won.Select(a => a.Number("personId")).ToHashSet();
        foreach (var person in people.Take(40))
        {
            Assert.Equal(winners.Contains(person) ? 70 : 100, await _kit.BalanceAsync(person));
        }

        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task OnePersonWith25Points_FiringFiveRedemptionsOfATenPointItem_GetsExactlyTwo_And5PointsRemain()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 25);
        var goods = await _kit.GoodsAsync(price: 10, stock: 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _kit.RedeemAsync(goods, person)));

        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "points.insufficient"));
        Assert.Equal(5, await _kit.BalanceAsync(person));
        Assert.Equal(8, await _kit.StockAsync(goods));
        Assert.Equal(2, (await _kit.MovementsAsync(goods)).Count(m => m.Source == StockSource.Redemption));
        Assert.Equal(2, (await _kit.MarketPostingsAsync(person)).Count(p => p.Kind == PointKind.Redemption));
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task TheSameIdempotencyKeyTwice_PaysOnce_EvenWhenSentAtOnce()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        var goods = await _kit.GoodsAsync(price: 20, stock: 5);
        var key = "redeem-" + Guid.NewGuid().ToString("N");

        var first = await _kit.RedeemWithKeyAsync(goods, person, key);
        var again = await _kit.RedeemWithKeyAsync(goods, person, key);

        first.Answer.Expect(HttpStatusCode.Created);
        again.Answer.Expect(HttpStatusCode.Created);
        Assert.True(again.Replayed);
        Assert.Equal(first.Answer.Id, again.Answer.Id);
        Assert.Equal(first.Answer.Text("pickupCode"), again.Answer.Text("pickupCode"));
        Assert.Equal(80, await _kit.BalanceAsync(person));
        Assert.Equal(4, await _kit.StockAsync(goods));

        // Two retries racing each other with a new key: still one payment.
        var racing = "redeem-" + Guid.NewGuid().ToString("N");
        var both = await Task.WhenAll(_kit.RedeemWithKeyAsync(goods, person, racing), _kit.RedeemWithKeyAsync(goods, person, racing));
        Assert.Equal(60, await _kit.BalanceAsync(person));
        Assert.Equal(3, await _kit.StockAsync(goods));
        Assert.Contains(both, b => b.Answer.Status == HttpStatusCode.Created);
        Assert.Single(await _kit.MarketPostingsAsync(person), p => p.Kind == PointKind.Redemption && p.SourceKey != "redemption:" + first.Answer.Id);
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task TwoCancelsAtOnce_RefundOnce_AndReturnTheStockOnce()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 50);
        var goods = await _kit.GoodsAsync(price: 15, stock: 3);
        var redemption = (await _kit.RedeemAsync(goods, person, quantity: 2)).Expect(HttpStatusCode.Created);
        Assert.Equal(30, redemption.Number("points"));
        Assert.Equal(20, await _kit.BalanceAsync(person));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.As("village1").PostAsync($"/api/v1/market/redemptions/{redemption.Id}/cancel")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open"));
        Assert.Equal(50, await _kit.BalanceAsync(person));
        Assert.Equal(3, await _kit.StockAsync(goods));
        var postings = await _kit.MarketPostingsAsync(person);
        Assert.Equal([(PointKind.Redemption, -30, "redemption:" + redemption.Id), (PointKind.RedemptionRefund, 30, "redemption-refund:" + redemption.Id)], postings);
        Assert.Single(await _kit.MovementsAsync(goods), m => m.Source == StockSource.Cancellation && m.Quantity == 2);
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task TwoCountersEnteringTheSameCode_HandTheGoodsOverOnce()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 50);
        var goods = await _kit.GoodsAsync(price: 10, stock: 3);
        var code = (await _kit.RedeemAsync(goods, person)).Expect(HttpStatusCode.Created).Text("pickupCode");

        // The station's admin and the township's admin at two counters.
        var answers = await Task.WhenAll(
            app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = code }),
            app.As("town1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = code }),
            app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = code }));

        var handed = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal("PickedUp", handed.Text("status"));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open"));
        Assert.Equal(40, await _kit.BalanceAsync(person));
        await _kit.AssertInvariantsAsync();
    }
}
