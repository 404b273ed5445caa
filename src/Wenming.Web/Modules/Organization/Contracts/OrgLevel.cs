using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Contracts;

/// <summary>Tiers of the practice network (DESIGN §1). The numeric order is the nesting depth.</summary>
public enum OrgLevel
{
    City = 1,
    County = 2,
    Township = 3,
    Village = 4,
    Point = 5,

    /// <summary>
    /// A county body (部门: 团委, 教体局 …, DESIGN §3) directly under its county, beside the townships; not a
    /// tier of the practice network, so it has no division code and is never ranked (ADR 0060).
    /// </summary>
    Department = 6,
}

public enum OrgUnitStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>What other modules may know of an org unit.</summary>
public sealed record OrgUnitInfo(long Id, long? ParentId, OrgLevel Level, string Name, string? DivisionCode, string Path, long? CountyId, OrgUnitStatus Status);

/// <summary>Where a unit is, in degrees (WGS-84 as entered on the unit's form).</summary>
public readonly record struct OrgUnitLocation(double Latitude, double Longitude);

/// <summary>
/// Read access to the org tree for other modules. Lookups honour the caller's org scope: a unit
/// outside it is simply not found.
/// </summary>
public interface IOrgDirectory
{
    Task<OrgUnitInfo?> FindAsync(long id, CancellationToken ct = default);

    /// <summary>
    /// The ids of the visible units in the subtree of <paramref name="unitId"/>, as a query other
    /// modules compose into their own ("people of this township"); null when that unit is not
    /// visible to the caller.
    /// </summary>
    Task<IQueryable<long>?> UnitIdsUnderAsync(long unitId, CancellationToken ct = default);

    /// <summary>As <see cref="UnitIdsUnderAsync"/> for a unit already found visible (<see cref="FindAsync"/>): no second read.</summary>
    IQueryable<long> UnitIdsUnder(OrgUnitInfo unit);

    /// <summary>Every unit visible to the caller (a county has a few hundred): imports naming units, exports printing them.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> VisibleUnitsAsync(CancellationToken ct = default);

    /// <summary>The active counties visible to the caller, in the tree's order: a caller above them chooses one.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> CountiesAsync(CancellationToken ct = default);

    /// <summary>The names of the visible units among <paramref name="ids"/> (for lists and pages in other modules).</summary>
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);

    /// <summary>How many units the caller sees (the welcome page's "in my scope" count).</summary>
    Task<int> VisibleCountAsync(CancellationToken ct = default);

    /// <summary>The stored coordinates of the visible units that have both (the statistics' map); units without are left out.</summary>
    Task<IReadOnlyDictionary<long, OrgUnitLocation>> LocationsAsync(CancellationToken ct = default);

    /// <summary>Looks a unit up whatever the caller's scope (sign-in, system jobs).</summary>
    Task<OrgUnitInfo?> FindUnscopedAsync(long id, CancellationToken ct = default);

    /// <summary>A unit's contact person and phone whatever the caller's scope (the issuer block of a certificate).</summary>
    Task<(string? Name, string? Phone)> ContactUnscopedAsync(long id, CancellationToken ct = default);
}

/// <summary>Who administers a county department (ADR 0060): their board, home page and tasks differ.</summary>
public static class DepartmentAdmins
{
    /// <summary>
    /// Whether the caller administers a department. Only an institute admin can be bound to a department
    /// (<c>RoleGrants.FitsLevel</c>; the system admin fits any unit), and a unit's level never changes, so no other
    /// caller's unit is read: a station admin's board and home page skip this statement (issue 19).
    /// </summary>
    public static async Task<bool> IsDepartmentAdminAsync(this IOrgDirectory orgs, CurrentActor actor, CancellationToken ct) =>
        (actor.Has(Role.InstituteAdmin) || actor.IsSystemAdmin) && actor.OrgUnitId is { } own && await orgs.FindAsync(own, ct) is { Level: OrgLevel.Department };
}
