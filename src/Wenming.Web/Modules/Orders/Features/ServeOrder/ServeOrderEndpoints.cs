using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Orders.Features.DispatchOrder;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.ServeOrder;

/// <summary>The HTTP side of <see cref="ServeOrderHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ServeOrderEndpoints
{
    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Claim(long id, ServeOrderHandler handler, CancellationToken ct, ClaimOrderRequest? request = null) =>
        ApiResults.OkOr(await handler.ClaimAsync(id, request ?? new ClaimOrderRequest(null), ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Accept(long id, ServeOrderHandler handler, CancellationToken ct, AcceptOrderRequest? request = null) =>
        ApiResults.OkOr(await handler.AcceptAsync(id, request ?? new AcceptOrderRequest(null), ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Decline(long id, ReasonRequest request, ServeOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.DeclineAsync(id, request, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Complete(long id, CompleteOrderRequest request, ServeOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CompleteAsync(id, request, ct));
}
