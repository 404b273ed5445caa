using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features;

public sealed record OrderHistoryDto(OrderStatus? From, OrderStatus To, OrderAction? Action, string ActionLabel, long? ByUserId, DateTimeOffset At, string? Note);

/// <summary>
/// An order as API.md shows it, with its light and history. The reject reason (and the note of the
/// reject step) is shown to the requester only (RULES.md).
/// </summary>
public sealed record OrderDto(
    long Id, OrderStatus Status, string StatusLabel, long OrgUnitId, long HandlingUnitId, long? ServiceItemId, string? ServiceItemName,
    string Description, string? Address, DateTimeOffset? WantedAt, string ContactPhone, long RequesterPersonId, bool OnBehalf, long? SubmittedByUserId,
    DispatchMode? DispatchMode, long? TeamId, string? TeamName, DateTimeOffset? DueAt, DateTimeOffset? DeadlineAt, OrderLight? Light, string? LightLabel,
    bool Flagged, bool Overdue, string? RejectReason, string? Summary, int? Stars, string? RatingComment,
    DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt, IReadOnlyList<OrderHistoryDto> History)
{
    /// <summary>Who ordered: the full name for the station's admins and the requester, 张* for everyone else (team leaders, supervisors).</summary>
    public string? RequesterName { get; init; }

    /// <summary>Photos of the service (issue 4); filled for one order, empty in lists.</summary>
    public IReadOnlyList<OrderPhotos.OrderPhotoDto> Photos { get; init; } = [];

    /// <summary>The department the order was passed to (转部门, ADR 0060), or null.</summary>
    public long? DepartmentId { get; init; }

    /// <summary>首办人: the department admin who claimed it; kept until the order is closed.</summary>
    public long? FirstHandlerUserId { get; init; }

    public string? FirstHandlerName { get; init; }

    public DateTimeOffset? FirstClaimedAt { get; init; }

    /// <summary>Passed to a department and not yet claimed: <see cref="DeadlineAt"/> is the claim deadline.</summary>
    public bool AwaitsClaim { get; init; }

    public static OrderDto From(Order o, bool showRejectReason, DateTime nowUtc, string? itemName, string? teamName, bool withHistory = true)
    {
        var light = o.LightAt(nowUtc);
        return new OrderDto(
            o.Id, o.Status, Text.Get("Orders.status." + o.Status), o.OrgUnitId, o.HandlingUnitId, o.ServiceItemId, itemName,
            o.Description, o.Address, o.WantedAt is { } w ? Text.ToChinaTime(w) : null, o.ContactPhone, o.RequesterPersonId, o.OnBehalf, o.SubmittedByUserId,
            o.DispatchMode, o.TeamId, teamName, o.DueAt is { } d ? Text.ToChinaTime(d) : null, o.DeadlineAt is { } dl ? Text.ToChinaTime(dl) : null,
            light, light is { } l ? Text.Get("Orders.light." + l) : null,
            o.Flagged, OrderTransitions.IsOpen(o.Status) && o.DeadlineAt is { } due && nowUtc > due,
            showRejectReason ? o.RejectReason : null, o.Summary, o.Stars, o.RatingComment,
            Text.ToChinaTime(o.SubmittedAt), o.CompletedAt is { } c ? Text.ToChinaTime(c) : null,
            withHistory
                ? [.. o.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OrderHistoryDto(
                    h.FromStatus, h.ToStatus, h.Action, Text.Get("Orders.action." + (h.Action?.ToString() ?? "Submit")), h.ByUserId, Text.ToChinaTime(h.At),
                    h.Action == OrderAction.Reject && !showRejectReason ? null : h.Note))]
                : [])
        {
            DepartmentId = o.DepartmentId,
            FirstHandlerUserId = o.FirstHandlerUserId,
            FirstHandlerName = o.FirstHandlerName,
            FirstClaimedAt = o.FirstClaimedAt is { } fc ? Text.ToChinaTime(fc) : null,
            AwaitsClaim = o.AwaitsClaim && OrderTransitions.IsOpen(o.Status),
        };
    }
}

/// <summary>Names of the items and teams a page of orders refers to (teams read unscoped: a resident sees who serves them).</summary>
public sealed class OrderNames(AppDbContext db, IVolunteerDirectory volunteers, IPeopleDirectory people, CurrentActor actor, OrgScope scope, OrderPhotos.OrderPhotosHandler photos)
{
    private static readonly NamesById ItemNames = new((db, ids) =>
        db.Set<ServiceItem>().Unscoped(Why.UnitAbove).Where(i => ids.Contains(i.Id)).Select(i => new KeyValuePair<long, string>(i.Id, i.Name)));

    public async Task<(IReadOnlyDictionary<long, string> Items, IReadOnlyDictionary<long, string> Teams)> ForAsync(IReadOnlyCollection<Order> orders, CancellationToken ct)
    {
        var items = await ItemNames.ReadAsync(db, orders.Where(o => o.ServiceItemId is not null).Select(o => o.ServiceItemId!.Value), ct);
        var teams = await volunteers.TeamNamesUnscopedAsync([.. orders.Where(o => o.TeamId is not null).Select(o => o.TeamId!.Value)], ct);
        return (items, teams);
    }

    public async Task<OrderDto> DtoAsync(Order order, OrderViewer viewer, DateTime nowUtc, CancellationToken ct)
    {
        var (items, teams) = await ForAsync([order], ct);
        var photosOf = await photos.OfOrdersAsync([order.Id], ct);
        var requesters = await RequesterNamesAsync([order], full: viewer.IsManager || viewer.IsRequester, ct);
        return OrderDto.From(order, viewer.IsRequester, nowUtc, Name(items, order.ServiceItemId), Name(teams, order.TeamId)) with
        {
            Photos = photosOf.TryGetValue(order.Id, out var list) ? list : [],
            RequesterName = Name(requesters, order.RequesterPersonId),
        };
    }

    /// <summary>
    /// The requesters' names, read unscoped (a team leader serves people outside their own subtree);
    /// masked unless <paramref name="full"/>: who serves needs to know whom to ask for, not more.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> RequesterNamesAsync(IReadOnlyCollection<Order> orders, bool full, CancellationToken ct)
    {
        IReadOnlyDictionary<long, string> names;
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            names = await people.NamesAsync([.. orders.Select(o => o.RequesterPersonId).Distinct()], ct);
        }

        return full ? names : names.ToDictionary(n => n.Key, n => Mask(n.Value));
    }

    /// <summary>Admins see their subtree's requesters in full; team leaders and supervisors see 张*.</summary>
    public bool SeesFullNames => actor.IsAdmin;

    /// <summary>张三 → 张*, 欧阳娜娜 → 欧***: the surname stays, the rest is hidden.</summary>
    public static string Mask(string name) => string.IsNullOrEmpty(name) ? "*" : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    public static string? Name(IReadOnlyDictionary<long, string> names, long? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;
}
