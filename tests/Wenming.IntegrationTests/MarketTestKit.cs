using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// What the market tests need: people with points (posted through the real ledger from the host's
/// services, as the earning modules will), goods put on a shelf through the API, redemptions as a phone
/// sends them, and the two invariants every test ends with.
/// </summary>
public sealed class MarketTestKit(AppFixture app)
{
    public async Task<long> PersonAsync(string unitKey = "village1") =>
        (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("居民"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;

    public async Task<List<long>> PeopleAsync(int count, string unitKey = "village1")
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i += 10)
        {
            ids.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(10, count - i)).Select(_ => PersonAsync(unitKey))));
        }

        return ids;
    }

    /// <summary>Points for a test person: an Award through the ledger with a test source key.</summary>
    public Task GiveAsync(long personId, int points) => Ledger.GiveAsync(app, personId, points);

    public async Task<long> BalanceAsync(long personId) => (await Ledger.BalanceAsync(app, personId)).Balance;

    public async Task<long> GoodsAsync(int price, int stock, string unitKey = "village1", string by = "village1", string? name = null) =>
        (await app.As(by).PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit(unitKey), name = name ?? TestData.Name("物品"), pricePoints = price, stock }))
            .Expect(HttpStatusCode.Created).Id;

    public async Task<int> StockAsync(long goodsId) =>
        (int)(await app.As("village1").GetAsync($"/api/v1/market/goods/{goodsId}")).Expect(HttpStatusCode.OK).Number("stock");

    public Task<ApiResponse> RedeemAsync(long goodsId, long? personId, int quantity = 1, string by = "village1") =>
        app.As(by).PostAsync("/api/v1/market/redemptions", new { goodsId, personId, quantity });

    /// <summary>A redemption sent with an Idempotency-Key header, as a phone retrying it would.</summary>
    public async Task<(ApiResponse Answer, bool Replayed)> RedeemWithKeyAsync(long goodsId, long? personId, string key, string by = "village1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/market/redemptions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(by));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Content = JsonContent.Create(new { goodsId, personId, quantity = 1 });
        using var response = await app.Http.SendAsync(request);
        var answer = new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST redemption with key " + key);
        return (answer, response.Headers.TryGetValues("Idempotency-Replayed", out var replayed) && replayed.Single() == "true");
    }

    /// <summary>Rows of the market and ledger tables read directly (everything, whatever scope).</summary>
    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// The two invariants: the points books balance (<see cref="Ledger.AssertBooksBalanceAsync"/>), and every
    /// stock equals the sum of its movements (and the last movement's stock after).
    /// </summary>
    public async Task AssertInvariantsAsync()
    {
        await Ledger.AssertBooksBalanceAsync(app);

        var goods = await ReadAsync(db => db.Set<Goods>().IgnoreQueryFilters().AsNoTracking().Select(g => new { g.Id, g.Stock }).ToListAsync());
        var moved = await ReadAsync(db => db.Set<StockMovement>().IgnoreQueryFilters().AsNoTracking()
            .GroupBy(m => m.GoodsId).Select(g => new { GoodsId = g.Key, Sum = g.Sum(m => m.Quantity), LastId = g.Max(m => m.Id) }).ToDictionaryAsync(g => g.GoodsId));
        var stockAfter = await ReadAsync(db => db.Set<StockMovement>().IgnoreQueryFilters().AsNoTracking().Select(m => new { m.Id, m.StockAfter }).ToDictionaryAsync(m => m.Id, m => m.StockAfter));
        Assert.NotEmpty(goods);
        foreach (var item in goods)
        {
            var sum = moved.GetValueOrDefault(item.Id);
            Assert.True(item.Stock == (sum?.Sum ?? 0), $"goods {item.Id}: stock {item.Stock} but the movements sum to {sum?.Sum}");
            Assert.True(item.Stock >= 0);
            if (sum is not null)
            {
                Assert.Equal(item.Stock, stockAfter[sum.LastId]);
            }
        }
    }

    /// <summary>Ledger rows of one person from the market (kind and amount).</summary>
    public Task<List<(PointKind Kind, long Amount, string SourceKey)>> MarketPostingsAsync(long personId) =>
        ReadAsync(async db => (await db.Set<PointTransaction>().IgnoreQueryFilters().AsNoTracking()
                .Where(t => t.PersonId == personId && (t.Kind == PointKind.Redemption || t.Kind == PointKind.RedemptionRefund))
                .OrderBy(t => t.Id).Select(t => new { t.Kind, t.Amount, t.SourceKey }).ToListAsync())
            .Select(t => (t.Kind, t.Amount, t.SourceKey)).ToList());

    public Task<List<StockMovement>> MovementsAsync(long goodsId) =>
        ReadAsync(db => db.Set<StockMovement>().IgnoreQueryFilters().AsNoTracking().Where(m => m.GoodsId == goodsId).OrderBy(m => m.Id).ToListAsync());
}
