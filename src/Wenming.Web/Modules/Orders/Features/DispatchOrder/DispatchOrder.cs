using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.DispatchOrder;

/// <summary><c>{teamId}</c> for a directed dispatch, or <c>{mode:"Pool"}</c> for the pool (also the body of reassign).</summary>
public sealed record DispatchOrderRequest(long? TeamId, DispatchMode? Mode);

public sealed record ReasonRequest(string? Reason);

/// <summary>转部门: <c>{departmentId}</c>, a department of the order's county.</summary>
public sealed record ToDepartmentRequest(long? DepartmentId);

/// <summary>
/// The dispatcher's steps (派单台): dispatch to a team or the pool, reassign, pass up to the parent unit,
/// reject with a reason. Only admins whose subtree holds the order's handling unit; others of the
/// order's subtree see it (403 here), and everyone else does not find it (404).
/// </summary>
public sealed class DispatchOrderHandler(
    CurrentActor actor, OrderAccess access, OrderSteps steps, OrderNames names, IOrgDirectory orgs, IVolunteerDirectory volunteers, INotifier notifier,
    IAccountDirectory accounts, TimeProvider clock)
{
    /// <summary>
    /// 转部门 (ADR 0060): the dispatcher of a waiting order passes it to a department of the county; it then
    /// waits for one of the department's admins to claim it, within the county's claim time. Allowed until
    /// someone has claimed it: then the first handler answers for it and it is not passed on again.
    /// </summary>
    public async Task<Result<OrderDto>> ToDepartmentAsync(long id, ToDepartmentRequest request, CancellationToken ct)
    {
        var found = await ManagedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, OrderAction.ToDepartment) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        if (order.FirstHandlerUserId is not null)
        {
            return OrderErrors.Conflict("order.already_claimed", "Orders.error.already_claimed", order.FirstHandlerName ?? "");
        }

        if (request.DepartmentId is not { } departmentId)
        {
            return FieldErrors.Required("departmentId", "Orders.field.departmentId");
        }

        // Read past the scope: a township's dispatcher passes orders to county departments it does not administer.
        var department = await orgs.FindUnscopedAsync(departmentId, ct);
        if (department is not { Level: OrgLevel.Department, Status: OrgUnitStatus.Active } || department.CountyId != order.CountyId || department.Id == order.DepartmentId)
        {
            return FieldErrors.One("departmentId", "order.department_not_allowed", "Orders.error.department_not_allowed");
        }

        var previousTeam = order.TeamId;
        return await FinishAsync(order, viewer, OrderAction.ToDepartment, Text.Get("Orders.note.to_department", department.Name), o => o.PassToDepartment(department.Id), async (o, c) =>
        {
            await notifier.ToUnitAdminsAsync(department.Id, OrderNotices.Of("Orders.notice.to_department", o), c);
            await TellTeamAsync(previousTeam, "Orders.notice.taken_back", o, c);
        }, ct);
    }

    /// <summary>
    /// 认领: an admin of the department takes the order as its first handler. The step is one version-guarded
    /// update, so of several admins claiming at once exactly one wins and the others get 409 order.already_claimed.
    /// </summary>
    public async Task<Result<OrderDto>> ClaimFirstAsync(long id, CancellationToken ct)
    {
        var found = await ManagedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (order.DepartmentId is not { } departmentId)
        {
            return OrderErrors.Conflict("order.not_department", "Orders.error.not_department");
        }

        if (order.FirstHandlerUserId is not null)
        {
            return OrderErrors.Conflict("order.already_claimed", "Orders.error.already_claimed", order.FirstHandlerName ?? "");
        }

        // The department's own admins claim; the county that passed it on does not answer for it.
        if (actor.OrgUnitId != departmentId || actor.UserId is not { } userId)
        {
            return OrderErrors.Forbidden("order.not_department_admin", "Orders.error.not_department_admin");
        }

        var cards = await accounts.ActiveWithRolesAsync([Role.InstituteAdmin, Role.StationAdmin, Role.CenterAdmin, Role.SystemAdmin], ct);
        var name = cards.FirstOrDefault(c => c.Id == userId)?.DisplayName is { Length: > 0 } display ? display : actor.Login ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await FinishAsync(order, viewer, OrderAction.FirstClaim, Text.Get("Orders.note.first_claim", name), o => o.SetFirstHandler(userId, name, now), null, ct);
        // Another admin's claim landed between our read and our write: the version guard refused ours.
        return !result.IsSuccess && result.Error!.Code == "order.invalid_transition"
            ? OrderErrors.Conflict("order.already_claimed", "Orders.error.already_claimed_other")
            : result;
    }

    public Task<Result<OrderDto>> DispatchAsync(long id, DispatchOrderRequest request, CancellationToken ct) =>
        SendAsync(id, OrderAction.Dispatch, request, ct);

    public Task<Result<OrderDto>> ReassignAsync(long id, DispatchOrderRequest request, CancellationToken ct) =>
        SendAsync(id, OrderAction.Reassign, request, ct);

    public async Task<Result<OrderDto>> EscalateAsync(long id, CancellationToken ct)
    {
        var found = await ManagedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, OrderAction.Escalate) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        // Up to the county at most: a county's orders are its own business, not the city's.
        var handling = await orgs.FindUnscopedAsync(order.HandlingUnitId, ct);
        var parent = handling?.ParentId is { } parentId ? await orgs.FindUnscopedAsync(parentId, ct) : null;
        if (parent is null || parent.Level < OrgLevel.County)
        {
            return OrderErrors.NoParent();
        }

        var previousTeam = order.TeamId;
        return await FinishAsync(order, viewer, OrderAction.Escalate, Text.Get("Orders.note.escalated", parent.Name), o => o.MoveUpTo(parent.Id), async (o, c) =>
        {
            await notifier.ToUnitAdminsAsync(parent.Id, OrderNotices.Of("Orders.notice.escalated", o), c);
            await TellTeamAsync(previousTeam, "Orders.notice.taken_back", o, c);
        }, ct);
    }

    public async Task<Result<OrderDto>> RejectAsync(long id, ReasonRequest request, CancellationToken ct)
    {
        var found = await ManagedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, OrderAction.Reject) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        if (ServeOrder.ServeOrderHandler.CheckReason(request.Reason) is { } bad)
        {
            return bad;
        }

        var previousTeam = order.TeamId;
        return await FinishAsync(order, viewer, OrderAction.Reject, request.Reason!.Trim(), o => o.SetRejected(request.Reason!), async (o, c) =>
        {
            await notifier.ToPersonAsync(o.RequesterPersonId, OrderNotices.Of("Orders.notice.rejected", o, o.RejectReason!), c);
            await TellTeamAsync(previousTeam, "Orders.notice.taken_back", o, c);
        }, ct);
    }

    private async Task<Result<OrderDto>> SendAsync(long id, OrderAction action, DispatchOrderRequest request, CancellationToken ct)
    {
        var found = await ManagedAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        if (OrderTransitions.Next(order.Status, action) is null)
        {
            return OrderErrors.InvalidTransition();
        }

        // 首办责任制: a department names its first handler before it sends the order to a team (ADR 0060).
        if (order.AwaitsClaim)
        {
            return OrderErrors.Conflict("order.claim_first", "Orders.error.claim_first");
        }

        var pool = request.Mode == DispatchMode.Pool;
        if (!pool && request.TeamId is null)
        {
            return FieldErrors.Required("teamId", "Orders.field.teamId");
        }

        var handling = await orgs.FindUnscopedAsync(order.HandlingUnitId, ct);
        TeamInfo? team = null;
        IReadOnlyList<TeamInfo> poolTeams = [];
        if (pool)
        {
            poolTeams = await volunteers.TeamsOfUnitUnscopedAsync(order.HandlingUnitId, ct);
            if (poolTeams.Count == 0)
            {
                return OrderErrors.Conflict("order.pool_empty", "Orders.error.pool_empty");
            }
        }
        else
        {
            team = await volunteers.FindTeamAsync(request.TeamId!.Value, ct);
            var teamUnit = team is null ? null : await orgs.FindAsync(team.OrgUnitId, ct);
            // A team of the handling unit or below it: the dispatcher sends work down, not sideways.
            if (team is null || teamUnit is null || handling is null || !teamUnit.Path.StartsWith(handling.Path, StringComparison.Ordinal))
            {
                return FieldErrors.One("teamId", "order.team_not_allowed", "Orders.error.team_not_allowed");
            }
        }

        var previousTeam = order.TeamId;
        var note = pool ? Text.Get("Orders.note.pool") : Text.Get("Orders.note.team", team!.Name);
        return await FinishAsync(order, viewer, action, note, o =>
        {
            o.ClearDispatch();
            o.SetDispatch(pool ? DispatchMode.Pool : DispatchMode.Directed, team?.Id);
        }, async (o, c) =>
        {
            foreach (var t in pool ? poolTeams : [team!])
            {
                await notifier.ToPersonAsync(t.LeaderPersonId, OrderNotices.Of(pool ? "Orders.notice.pool" : "Orders.notice.dispatched", o), c);
            }

            if (previousTeam is not null && previousTeam != team?.Id)
            {
                await TellTeamAsync(previousTeam, "Orders.notice.taken_back", o, c);
            }
        }, ct);
    }

    private async Task TellTeamAsync(long? teamId, string key, Order order, CancellationToken ct)
    {
        if (teamId is { } id && await volunteers.FindTeamAsync(id, ct) is { } team)
        {
            await notifier.ToPersonAsync(team.LeaderPersonId, OrderNotices.Of(key, order), ct);
        }
    }

    private async Task<Result<(Order Order, OrderViewer Viewer)>> ManagedAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            // Leaders, residents and supervisors: not theirs to dispatch; 404 if they cannot even see it.
            var seen = await access.FindAsync(id, track: false, ct);
            return seen.IsSuccess ? forbidden : seen.Error!;
        }

        var found = await access.FindAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!found.Value.Viewer.IsOverseer)
        {
            return OrderErrors.NotFound();
        }

        return found.Value.Viewer.IsManager ? found : Error.Forbidden();
    }

    private async Task<Result<OrderDto>> FinishAsync(
        Order order, OrderViewer viewer, OrderAction action, string? note, Action<Order> change, Func<Order, CancellationToken, Task>? after, CancellationToken ct)
    {
        // A department's admin works on an order whose village is outside their subtree (OrderAccess allowed it).
        if (await steps.RunAsync(order, action, note, change, unrestricted: viewer.ViaDepartment, after, ct) is { } refused)
        {
            return refused;
        }

        return await names.DtoAsync(order, viewer, clock.GetUtcNow().UtcDateTime, ct);
    }
}
