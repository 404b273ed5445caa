using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.GetOrder;

/// <summary>The HTTP side of <see cref="GetOrderHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetOrderEndpoints
{
    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> GetOrder(long id, GetOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
