using System.Globalization;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Domain;

/// <summary>
/// One entry of a unit's service catalog (服务项目清单): what residents may order there and which teams
/// provide it. Orders of an item are dispatched by the item's unit.
/// </summary>
[ShownOnPortal]
public sealed class ServiceItem : IOrgScoped, ICountyScoped
{
    private ServiceItem()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public TeamCategory Category { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Ids of the providing teams, comma-separated: a short list read with the item, never queried into.</summary>
    public string TeamIdList { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<long> TeamIds =>
        [.. TeamIdList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture))];

    public static ServiceItem Create(long countyId, long orgUnitId, string name, TeamCategory category, string? description, IEnumerable<long> teamIds, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Name = name.Trim(),
        Category = category,
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        TeamIdList = string.Join(',', teamIds.Distinct().Select(t => t.ToString(CultureInfo.InvariantCulture))),
        Active = true,
        CreatedAt = nowUtc,
    };
}

/// <summary>
/// A county's order time limits (RULES.md: every number is a per-county setting). Scoped to the county's
/// own unit, so only its center admins (and the system admin) see and change it; a county without a
/// row uses <see cref="OrderDeadlines.Defaults"/>.
/// </summary>
public sealed class OrderDeadlineRule : IOrgScoped, ICountyScoped
{
    private OrderDeadlineRule()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public int DispatchHours { get; private set; }

    public int AcceptHours { get; private set; }

    public int CompleteDays { get; private set; }

    public int AutoCloseDays { get; private set; }

    /// <summary>Hours a department has to claim an order (ADR 0060); null in rows from before, read as the default.</summary>
    public int? ClaimHours { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public OrderDeadlines Deadlines => new(DispatchHours, AcceptHours, CompleteDays, AutoCloseDays, ClaimHours ?? OrderDeadlines.DefaultClaimHours);

    public static OrderDeadlineRule For(long countyId, OrderDeadlines values, DateTime nowUtc)
    {
        var rule = new OrderDeadlineRule { CountyId = countyId, OrgUnitId = countyId };
        rule.Set(values, nowUtc);
        return rule;
    }

    public void Set(OrderDeadlines values, DateTime nowUtc)
    {
        DispatchHours = values.DispatchHours;
        AcceptHours = values.AcceptHours;
        CompleteDays = values.CompleteDays;
        AutoCloseDays = values.AutoCloseDays;
        ClaimHours = values.ClaimHours;
        UpdatedAt = nowUtc;
    }
}
