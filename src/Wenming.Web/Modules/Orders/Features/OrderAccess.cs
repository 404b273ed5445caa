using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features;

/// <summary>How the caller stands to an order; decides what they may see and do.</summary>
/// <param name="ViaDepartment">Seen by an admin of the department it was passed to, outside their subtree (ADR 0060): their writes lift the write guard.</param>
public sealed record OrderViewer(bool IsRequester, bool IsManager, bool IsOverseer, IReadOnlyList<TeamInfo> ServingTeams, bool ViaDepartment = false);

/// <summary>
/// Who may see and move an order. Three deliberate widenings of the subtree scope, each checked here
/// explicitly: the requester follows their own order wherever it is handled; a team leader sees the
/// orders of their own teams and of their teams' unit (pool orders are claimed there); admins of the
/// order's unit or an ancestor see it through the normal query filter, and dispatch it only while its
/// handling unit is in their subtree (after an escalation, the parent's admins dispatch). A fourth (ADR
/// 0060): the admins of a department an order was passed to (转部门) see and handle it, though the
/// requester's village is not under their department.
/// </summary>
public sealed class OrderAccess(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IVolunteerDirectory volunteers)
{
    /// <summary>The teams the caller leads (empty for everyone else).</summary>
    public async Task<IReadOnlyList<TeamInfo>> MyTeamsAsync(CancellationToken ct) =>
        actor.Has(Role.TeamLeader) && actor.PersonId is { } personId ? await volunteers.TeamsLedByUnscopedAsync(personId, ct) : [];

    /// <summary>The order and how the caller stands to it, or 404 when they have no business with it.</summary>
    public async Task<Result<(Order Order, OrderViewer Viewer)>> FindAsync(long id, bool track, CancellationToken ct)
    {
        var all = db.Set<Order>().Unscoped(because: Why.CrossUnitReference);
        var order = await (track ? all : all.AsNoTracking()).Include(o => o.History).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return OrderErrors.NotFound();
        }

        var isRequester = (actor.PersonId is { } me && order.RequesterPersonId == me) || (actor.UserId is { } user && order.OnBehalf && order.SubmittedByUserId == user);
        var inSubtree = (actor.IsAdmin || actor.Has(Role.Supervisor)) && await db.Set<Order>().AnyAsync(o => o.Id == id, ct);
        var viaDepartment = !inSubtree && actor.IsAdmin && order.DepartmentId is { } department && await orgs.FindAsync(department, ct) is not null;
        inSubtree |= viaDepartment;
        var isManager = actor.IsAdmin && inSubtree && await orgs.FindAsync(order.HandlingUnitId, ct) is not null;
        var teams = (await MyTeamsAsync(ct)).Where(t => t.Id == order.TeamId || t.OrgUnitId == order.HandlingUnitId).ToList();
        if (!isRequester && !inSubtree && teams.Count == 0)
        {
            return OrderErrors.NotFound();
        }

        return (order, new OrderViewer(isRequester, isManager, inSubtree, teams, viaDepartment));
    }
}

/// <summary>Reads the county's time limits; a county that never changed them uses RULES.md's defaults.</summary>
public sealed class OrderDeadlineRules(AppDbContext db) : Contracts.IClaimDeadlines
{
    public async Task<int> ClaimHoursAsync(long countyId, CancellationToken ct) => (await ForCountyAsync(countyId, ct)).ClaimHours;

    public async Task<OrderDeadlines> ForCountyAsync(long countyId, CancellationToken ct) =>
        await db.Set<OrderDeadlineRule>().Unscoped(because: Why.UnitAbove).AsNoTracking().Where(r => r.CountyId == countyId)
            .Select(r => new OrderDeadlines(r.DispatchHours, r.AcceptHours, r.CompleteDays, r.AutoCloseDays, r.ClaimHours ?? OrderDeadlines.DefaultClaimHours)).SingleOrDefaultAsync(ct)
        ?? OrderDeadlines.Defaults;
}

/// <summary>A number a volunteer can call: a mainland mobile (1[3-9] + 9 digits) or a landline with area code.</summary>
public static partial class OrderContactPhone
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Pattern();
}
