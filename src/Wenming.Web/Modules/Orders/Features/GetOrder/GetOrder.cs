using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Orders.Features.GetOrder;

/// <summary>One order with its history, for whoever has business with it (see <see cref="OrderAccess"/>).</summary>
public sealed class GetOrderHandler(OrderAccess access, OrderNames names, TimeProvider clock)
{
    public async Task<Result<OrderDto>> HandleAsync(long id, CancellationToken ct)
    {
        var found = await access.FindAsync(id, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        return await names.DtoAsync(found.Value.Order, found.Value.Viewer, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>What the page offers the viewer; the handlers check the same again.</summary>
    public async Task<Result<(OrderDto Order, OrderViewer Viewer)>> WithViewerAsync(long id, CancellationToken ct)
    {
        var found = await access.FindAsync(id, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        return (await names.DtoAsync(found.Value.Order, found.Value.Viewer, clock.GetUtcNow().UtcDateTime, ct), found.Value.Viewer);
    }

    public static bool CanAct(OrderStatus status, OrderAction action) => OrderTransitions.Next(status, action) is not null;
}
