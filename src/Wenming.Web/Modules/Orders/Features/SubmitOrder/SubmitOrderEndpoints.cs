using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.SubmitOrder;

/// <summary>The HTTP side of <see cref="SubmitOrderHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SubmitOrderEndpoints
{
    public static async Task<Results<Created<OrderDto>, ProblemHttpResult>> SubmitOrder(SubmitOrderRequest request, SubmitOrderHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), o => $"/api/v1/orders/{o.Id}");
}
