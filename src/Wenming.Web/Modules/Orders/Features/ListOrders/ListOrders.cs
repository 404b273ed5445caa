using System.ComponentModel;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.ListOrders;

/// <summary>
/// Board filters. <paramref name="Open"/> (default true) shows orders still waiting on someone;
/// <paramref name="Overdue"/> only those past a deadline or flagged; <paramref name="Demands"/> only free
/// descriptions (需求清单: what residents asked for that no catalog item covers). ADR 0060: <paramref name="AwaitsClaim"/>
/// only orders passed to a department and not yet claimed; <paramref name="FirstHandledByMe"/> only those the caller claimed.
/// </summary>
public sealed record OrderBoardRequest
{
    public long? OrgUnitId { get; set; }

    public OrderStatus? Status { get; set; }

    public bool? Open { get; set; }

    public bool? Overdue { get; set; }

    public bool? Demands { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }

    public bool? AwaitsClaim { get; set; }

    public bool? FirstHandledByMe { get; set; }
}

/// <summary>The three lists: my orders (requester), the dispatch board (admins and supervisors of the subtree), a team leader's inbox.</summary>
public sealed class ListOrdersHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, OrderAccess access, OrderNames names, TimeProvider clock)
{
    /// <summary>Still waiting on someone: the board's default.</summary>
    private static readonly Expression<Func<Order, bool>> IsOpen =
        o => o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted;

    // The board as it opens (open orders, no filter), the station admin's work queue (issue 19): compiled. The scope
    // filter keeps it to the caller's subtree as on the composed query below.
    private static readonly CompiledPerModel<Func<AppDbContext, CancellationToken, Task<int>>> OpenCount = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) => db.Set<Order>().Where(IsOpen).Count()));

    private static readonly CompiledPerModel<Func<AppDbContext, int, int, IAsyncEnumerable<Order>>> OpenPage = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, int skip, int take) => db.Set<Order>().AsNoTracking().Where(IsOpen)
            .OrderBy(o => o.DeadlineAt == null).ThenBy(o => o.DeadlineAt).ThenBy(o => o.Id).Skip(skip).Take(take)));

    public async Task<Result<PageOf<OrderDto>>> MineAsync(PageRequest paging, CancellationToken ct)
    {
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (actor.PersonId is not { } me)
        {
            return Error.Forbidden();
        }

        // Deliberately unscoped: the requester follows their order wherever it is handled.
        var query = db.Set<Order>().Unscoped(because: Why.OwnRecords).Where(o => o.RequesterPersonId == me).OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id);
        return await PageAsync(query, paging, requesterView: true, withHistory: true, ct);
    }

    public async Task<Result<PageOf<OrderDto>>> BoardAsync(OrderBoardRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var department = await orgs.IsDepartmentAdminAsync(actor, ct);
        if (!department && request is { OrgUnitId: null, Status: null, Open: null or true, Overdue: null or false, AwaitsClaim: null or false, FirstHandledByMe: null or false, Demands: null or false })
        {
            var openCount = await OpenCount.For(db)(db, ct);
            var openOrders = await OpenPage.For(db)(db, paging.Skip, paging.SafePageSize).ToListAsync(ct);
            return await DtosAsync(openOrders, openCount, paging, requesterView: false, withHistory: false, ct);
        }

        // The query filter keeps the board to the caller's subtree: admins of the order's unit or an ancestor.
        var query = db.Set<Order>().AsQueryable();
        if (department && actor.OrgUnitId is { } own)
        {
            // A department's board is the orders passed to it (ADR 0060); their villages are outside its subtree.
            query = db.Set<Order>().Unscoped(because: Why.CrossUnitReference).Where(o => o.DepartmentId == own);
        }

        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(o => under.Contains(o.OrgUnitId));
        }

        if (request.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }
        else if (request.Open ?? true)
        {
            query = query.Where(IsOpen);
        }

        if (request.Overdue == true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            query = query.Where(o => (o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted)
                && (o.Flagged || o.DeadlineAt < now));
        }

        if (request.AwaitsClaim == true)
        {
            query = query.Where(o => o.DepartmentId != null && o.FirstHandlerUserId == null);
        }

        if (request.FirstHandledByMe == true)
        {
            var me = actor.UserId;
            query = query.Where(o => o.FirstHandlerUserId == me);
        }

        if (request.Demands == true)
        {
            query = query.Where(o => o.ServiceItemId == null);
        }

        // By deadline, soonest (or longest overdue) first; orders without one (closed) last.
        var ordered = query.OrderBy(o => o.DeadlineAt == null).ThenBy(o => o.DeadlineAt).ThenBy(o => o.Id);
        return await PageAsync(ordered, paging, requesterView: false, withHistory: false, ct);
    }

    public async Task<Result<PageOf<OrderDto>>> InboxAsync(PageRequest paging, bool open, CancellationToken ct)
    {
        if (actor.RequireAny(Role.TeamLeader) is { } forbidden)
        {
            return forbidden;
        }

        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var teams = await access.MyTeamsAsync(ct);
        var teamIds = teams.Select(t => (long?)t.Id).ToList();
        var units = teams.Select(t => t.OrgUnitId).Distinct().ToList();
        // Deliberately unscoped: a team's orders and its unit's pool, wherever the leader's account is bound.
        var query = db.Set<Order>().Unscoped(because: Why.CrossUnitReference)
            .Where(o => (teamIds.Contains(o.TeamId) && o.Status != OrderStatus.Withdrawn && o.Status != OrderStatus.Rejected)
                || (o.Status == OrderStatus.Dispatched && o.DispatchMode == DispatchMode.Pool && units.Contains(o.HandlingUnitId)));
        if (open)
        {
            query = query.Where(o => o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted);
        }

        var ordered = query.OrderBy(o => o.DeadlineAt == null).ThenBy(o => o.DeadlineAt).ThenBy(o => o.Id);
        return await PageAsync(ordered, paging, requesterView: false, withHistory: false, ct);
    }

    private async Task<PageOf<OrderDto>> PageAsync(IQueryable<Order> query, PageRequest paging, bool requesterView, bool withHistory, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var page = withHistory ? query.Include(o => o.History) : query;
        var orders = await page.AsNoTracking().Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        return await DtosAsync(orders, total, paging, requesterView, withHistory, ct);
    }

    private async Task<PageOf<OrderDto>> DtosAsync(List<Order> orders, int total, PageRequest paging, bool requesterView, bool withHistory, CancellationToken ct)
    {
        var (items, teams) = await names.ForAsync(orders, ct);
        var requesters = await names.RequesterNamesAsync(orders, full: requesterView || names.SeesFullNames, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PageOf<OrderDto>(
            [.. orders.Select(o => OrderDto.From(o, requesterView, now, OrderNames.Name(items, o.ServiceItemId), OrderNames.Name(teams, o.TeamId), withHistory)
                with { RequesterName = OrderNames.Name(requesters, o.RequesterPersonId) })],
            paging.SafePage, paging.SafePageSize, total);
    }
}
