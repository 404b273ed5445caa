using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.DispatchOrder;

/// <summary>The HTTP side of <see cref="DispatchOrderHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class DispatchOrderEndpoints
{
    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Dispatch(long id, DispatchOrderRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.DispatchAsync(id, request, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Reassign(long id, DispatchOrderRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReassignAsync(id, request, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Escalate(long id, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.EscalateAsync(id, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> ToDepartment(long id, ToDepartmentRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ToDepartmentAsync(id, request, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> ClaimFirst(long id, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ClaimFirstAsync(id, ct));

    public static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> Reject(long id, ReasonRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));
}
