using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.ServeOrder;

public sealed record ClaimOrderRequest(long? TeamId);

public sealed record AcceptOrderRequest(DateTimeOffset? DueAt);

public sealed record ServedBy(long? VolunteerId, decimal? Hours);

public sealed record CompleteOrderRequest(string? Summary, IReadOnlyList<ServedBy>? ServedBy);

/// <summary>
/// The team leader's steps (接单): claim a pool order for one of their teams of the handling unit (first
/// claim wins: the version check lets exactly one of many simultaneous claims through), accept a
/// directed order with a due date (default: the county's days to complete), decline with a reason (the
/// order goes back to dispatch), and report completion, which records the hours of each volunteer who
/// served through <see cref="IServiceRecords"/> (once per order and volunteer).
/// </summary>
public sealed class ServeOrderHandler(
    CurrentActor actor, OrderAccess access, OrderSteps steps, OrderNames names, OrderDeadlineRules rules, IOrgDirectory orgs,
    IVolunteerDirectory volunteers, IServiceRecords records, INotifier notifier, IEventOutbox outbox, TimeProvider clock)
{
    public const int MaxServedBy = 50;

    public async Task<Result<OrderDto>> ClaimAsync(long id, ClaimOrderRequest request, CancellationToken ct)
    {
        var found = await LedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, OrderAction.Claim) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        if (order.DispatchMode != DispatchMode.Pool)
        {
            return OrderErrors.NotPool();
        }

        var eligible = viewer.ServingTeams.Where(t => t.OrgUnitId == order.HandlingUnitId).ToList();
        var team = request.TeamId is { } wanted ? eligible.SingleOrDefault(t => t.Id == wanted) : eligible.FirstOrDefault();
        if (team is null)
        {
            return eligible.Count == 0 ? Error.Forbidden() : FieldErrors.One("teamId", "order.team_not_allowed", "Orders.error.team_not_allowed");
        }

        var due = await DefaultDueAsync(order, ct);
        return await FinishAsync(order, viewer, OrderAction.Claim, Text.Get("Orders.note.claimed", team.Name, Text.Display(due)), o => o.SetAccepted(team.Id, due), (o, c) =>
            notifier.ToPersonAsync(o.RequesterPersonId, OrderNotices.Of("Orders.notice.accepted", o, team.Name), c), ct);
    }

    public async Task<Result<OrderDto>> AcceptAsync(long id, AcceptOrderRequest request, CancellationToken ct)
    {
        var found = await AssignedAsync(id, OrderAction.Accept, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer, team) = found.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.DueAt is { } wanted && wanted.UtcDateTime <= now)
        {
            return FieldErrors.One("dueAt", "order.due_in_past", "Orders.error.due_in_past");
        }

        var due = request.DueAt?.UtcDateTime ?? await DefaultDueAsync(order, ct);
        return await FinishAsync(order, viewer, OrderAction.Accept, Text.Get("Orders.note.accepted", Text.Display(due)), o => o.SetAccepted(team.Id, due), (o, c) =>
            notifier.ToPersonAsync(o.RequesterPersonId, OrderNotices.Of("Orders.notice.accepted", o, team.Name), c), ct);
    }

    public async Task<Result<OrderDto>> DeclineAsync(long id, DispatchOrder.ReasonRequest request, CancellationToken ct)
    {
        var found = await AssignedAsync(id, OrderAction.Decline, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer, team) = found.Value;
        if (CheckReason(request.Reason) is { } bad)
        {
            return bad;
        }

        var note = Text.Get("Orders.note.declined", team.Name, request.Reason!.Trim());
        return await FinishAsync(order, viewer, OrderAction.Decline, note, o => o.ClearDispatch(), (o, c) =>
            notifier.ToUnitAdminsAsync(o.HandlingUnitId, OrderNotices.Of("Orders.notice.declined", o, team.Name), c), ct);
    }

    public async Task<Result<OrderDto>> CompleteAsync(long id, CompleteOrderRequest request, CancellationToken ct)
    {
        var found = await AssignedAsync(id, OrderAction.Complete, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer, team) = found.Value;
        var summary = request.Summary?.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            return FieldErrors.Required("summary", "Orders.field.summary");
        }

        if (summary.Length > 1000)
        {
            return FieldErrors.TooLong("summary", "Orders.field.summary", 1000);
        }

        var served = request.ServedBy ?? [];
        if (served.Count == 0 || served.Count > MaxServedBy)
        {
            return FieldErrors.One("servedBy", "order.served_by_required", "Orders.error.served_by_required", MaxServedBy);
        }

        var teamMembers = await volunteers.TeamMembersUnscopedAsync(team.Id, ct);
        var members = teamMembers.Select(m => m.VolunteerId).ToHashSet();
        for (var i = 0; i < served.Count; i++)
        {
            if (served[i].VolunteerId is not { } volunteerId || !members.Contains(volunteerId) || served.Take(i).Any(s => s.VolunteerId == volunteerId))
            {
                return FieldErrors.One($"servedBy[{i}].volunteerId", "order.not_a_member", "Orders.error.not_a_member", team.Name);
            }

            // Whole minutes, more than none and at most a day: the volunteers module's rule for hours.
            if (served[i].Hours is not { } hours || hours <= 0 || hours > 24 || decimal.Round(hours * 60) < 1)
            {
                return FieldErrors.One($"servedBy[{i}].hours", "order.hours_invalid", "Orders.error.hours_invalid");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var date = DateOnly.FromDateTime(Text.ToChinaTime(now).DateTime);
        var place = order.Address ?? (await orgs.FindUnscopedAsync(order.OrgUnitId, ct))?.Name ?? "";
        var content = Text.Get("Orders.record.content", summary);
        var servingPersons = served.Select(s => teamMembers.First(m => m.VolunteerId == s.VolunteerId).PersonId).ToList();
        var completed = await FinishAsync(order, viewer, OrderAction.Complete, summary, o => o.SetCompleted(summary, now), async (o, c) =>
        {
            foreach (var s in served)
            {
                await records.RecordAsync(s.VolunteerId!.Value, ServiceSource.Order, o.Id, date, place, content, s.Hours!.Value, team.OrgUnitId, c);
            }

            await notifier.ToPersonAsync(o.RequesterPersonId, OrderNotices.Of("Orders.notice.completed", o), c);
            outbox.Add(new OrderCompleted(o.Id, team.OrgUnitId, Shorten(o.Description, 40), servingPersons));
        }, ct);
        await outbox.DeliverAsync(ct);
        return completed;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>A reason is required for declining and rejecting, and kept short enough to read in a list.</summary>
    public static Error? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? FieldErrors.Required("reason", "Orders.field.reason")
        : reason.Trim().Length > 500 ? FieldErrors.TooLong("reason", "Orders.field.reason", 500)
        : null;

    private async Task<DateTime> DefaultDueAsync(Order order, CancellationToken ct) =>
        clock.GetUtcNow().UtcDateTime.AddDays((await rules.ForCountyAsync(order.CountyId, ct)).CompleteDays);

    /// <summary>The order, if the caller leads a team that serves it or may claim it: 403 for other roles, 404 for orders not theirs.</summary>
    private async Task<Result<(Order Order, OrderViewer Viewer)>> LedAsync(long id, CancellationToken ct)
    {
        var found = await access.FindAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!actor.Has(Role.TeamLeader) || found.Value.Viewer.ServingTeams.Count == 0)
        {
            return Error.Forbidden();
        }

        return found;
    }

    /// <summary>The order dispatched to (or accepted by) one of the caller's teams, after the transition table allows the step.</summary>
    private async Task<Result<(Order Order, OrderViewer Viewer, TeamInfo Team)>> AssignedAsync(long id, OrderAction action, CancellationToken ct)
    {
        var found = await LedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, action) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        if (action is OrderAction.Accept or OrderAction.Decline && order.DispatchMode == DispatchMode.Pool && order.Status == OrderStatus.Dispatched)
        {
            // A pool order belongs to no team yet: it is claimed, not accepted or declined.
            return OrderErrors.NotDirected();
        }

        var team = viewer.ServingTeams.SingleOrDefault(t => t.Id == order.TeamId);
        return team is null ? Error.Forbidden() : (order, viewer, team);
    }

    private async Task<Result<OrderDto>> FinishAsync(
        Order order, OrderViewer viewer, OrderAction action, string? note, Action<Order> change, Func<Order, CancellationToken, Task> after, CancellationToken ct)
    {
        if (await steps.RunAsync(order, action, note, change, unrestricted: true, after, ct) is { } refused)
        {
            return refused;
        }

        return await names.DtoAsync(order, viewer, clock.GetUtcNow().UtcDateTime, ct);
    }
}

