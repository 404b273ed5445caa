using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Market.Features.ManageGoods;

/// <summary>The HTTP side of <see cref="GoodsHandler"/>; routes, summaries and filters are in MarketModule.</summary>
public static class GoodsEndpoints
{
    public static async Task<Results<Ok<PageOf<GoodsDto>>, ProblemHttpResult>> List([AsParameters] ListGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Created<GoodsDto>, ProblemHttpResult>> Create(CreateGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), g => $"/api/v1/market/goods/{g.Id}");

    public static async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> Get(long id, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> Edit(long id, EditGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.EditAsync(id, request, ct));

    public static async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> StockIn(long id, StockInRequest request, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.StockInAsync(id, request, ct));

    public static async Task<Results<Ok<PageOf<StockMovementDto>>, ProblemHttpResult>> Movements(
        long id, [AsParameters] PageRequest paging, GoodsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MovementsAsync(id, paging, ct));
}
