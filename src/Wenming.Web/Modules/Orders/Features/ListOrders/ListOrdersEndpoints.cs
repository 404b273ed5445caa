using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.ListOrders;

/// <summary>The HTTP side of <see cref="ListOrdersHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListOrdersEndpoints
{
    public static async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> Mine([AsParameters] PageRequest paging, ListOrdersHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MineAsync(paging, ct));

    public static async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> Board([AsParameters] OrderBoardRequest request, ListOrdersHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.BoardAsync(request, ct));

    public static async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> Inbox([AsParameters] PageRequest paging, ListOrdersHandler handler, CancellationToken ct, bool? all = null) =>
        ApiResults.OkOr(await handler.InboxAsync(paging, open: all != true, ct));
}
