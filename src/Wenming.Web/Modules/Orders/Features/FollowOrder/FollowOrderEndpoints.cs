using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.FollowOrder;

/// <summary>The HTTP side of <see cref="FollowOrderHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class FollowOrderEndpoints
{
    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Withdraw(long id, FollowOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.WithdrawAsync(id, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Rate(long id, RateOrderRequest request, FollowOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RateAsync(id, request, ct));
}
