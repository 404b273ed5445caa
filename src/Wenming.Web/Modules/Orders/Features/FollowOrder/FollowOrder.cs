using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.FollowOrder;

public sealed record RateOrderRequest(int? Stars, string? Comment);

/// <summary>
/// The requester's steps: withdraw (撤单) until a team accepts, and rate a completed order once, 1–5
/// stars with an optional comment. "The requester" is the person served, or the admin who ordered on
/// their behalf (the elderly resident who phoned is followed up by phone too).
/// </summary>
public sealed class FollowOrderHandler(OrderAccess access, OrderSteps steps, OrderNames names, IVolunteerDirectory volunteers, INotifier notifier, TimeProvider clock, OrgScope scope)
{
    public async Task<Result<OrderDto>> WithdrawAsync(long id, CancellationToken ct)
    {
        var found = await RequesterAsync(id, OrderAction.Withdraw, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        var team = order.TeamId;
        return await FinishAsync(order, viewer, OrderAction.Withdraw, null, null, async (o, c) =>
        {
            await notifier.ToUnitAdminsAsync(o.HandlingUnitId, OrderNotices.Of("Orders.notice.withdrawn", o), c);
            if (team is { } teamId)
            {
                using (scope.Unscoped(because: Why.CrossUnitReference))
                {
                    if (await volunteers.FindTeamAsync(teamId, c) is { } t)
                    {
                        await notifier.ToPersonAsync(t.LeaderPersonId, OrderNotices.Of("Orders.notice.withdrawn", o), c);
                    }
                }
            }
        }, ct);
    }

    public async Task<Result<OrderDto>> RateAsync(long id, RateOrderRequest request, CancellationToken ct)
    {
        var found = await RequesterAsync(id, OrderAction.Rate, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (request.Stars is not (>= 1 and <= 5))
        {
            return FieldErrors.One("stars", "order.stars_invalid", "Orders.error.stars_invalid");
        }

        if (request.Comment is { } comment && comment.Trim().Length > 500)
        {
            return FieldErrors.TooLong("comment", "Orders.field.comment", 500);
        }

        var stars = request.Stars.Value;
        var team = order.TeamId;
        return await FinishAsync(order, viewer, OrderAction.Rate, request.Comment?.Trim(), o => o.SetRating(stars, request.Comment), async (o, c) =>
        {
            if (team is { } teamId && await volunteers.FindTeamAsync(teamId, c) is { } t)
            {
                await notifier.ToPersonAsync(t.LeaderPersonId, OrderNotices.Of("Orders.notice.rated", o, stars), c);
            }
        }, ct);
    }

    private async Task<Result<(Order Order, OrderViewer Viewer)>> RequesterAsync(long id, OrderAction action, CancellationToken ct)
    {
        var found = await access.FindAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!found.Value.Viewer.IsRequester)
        {
            return Error.Forbidden();
        }

        return OrderTransitions.Next(found.Value.Order.Status, action) is null ? OrderErrors.InvalidTransition() : found;
    }

    private async Task<Result<OrderDto>> FinishAsync(
        Order order, OrderViewer viewer, OrderAction action, string? note, Action<Order>? change, Func<Order, CancellationToken, Task> after, CancellationToken ct)
    {
        if (await steps.RunAsync(order, action, note, change, unrestricted: true, after, ct) is { } refused)
        {
            return refused;
        }

        return await names.DtoAsync(order, viewer, clock.GetUtcNow().UtcDateTime, ct);
    }
}
