using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Market.Features.Redemptions;

/// <summary>The HTTP side of <see cref="RedemptionsHandler"/>: lists, the counter's pickup and cancelling.</summary>
public static class RedemptionsEndpoints
{
    public static async Task<Results<Ok<PageOf<RedemptionDto>>, ProblemHttpResult>> Mine([AsParameters] PageRequest paging, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MineAsync(paging, ct));

    public static async Task<Results<Ok<PageOf<RedemptionDto>>, ProblemHttpResult>> List(
        [AsParameters] ListRedemptionsRequest request, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> Get(long id, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> PickUpByCode(PickupRequest request, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.PickUpByCodeAsync(request, ct));

    public static async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> PickUp(long id, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.PickUpAsync(id, ct));

    public static async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> Cancel(long id, RedemptionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CancelAsync(id, ct));
}
