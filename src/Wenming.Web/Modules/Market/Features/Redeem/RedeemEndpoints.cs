using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Market.Features.Redeem;

/// <summary>The HTTP side of <see cref="RedeemHandler"/>.</summary>
public static class RedeemEndpoints
{
    public static async Task<Results<Created<RedemptionDto>, ProblemHttpResult>> Redeem(RedeemRequest request, RedeemHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), r => $"/api/v1/market/redemptions/{r.Id}");
}
