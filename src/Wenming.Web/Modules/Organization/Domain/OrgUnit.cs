using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Domain;

/// <summary>
/// A node of the org tree. <see cref="Path"/> is the materialized path of ids ("/1/5/23/") so that
/// "everything under X" is one prefix query on an indexed column.
/// </summary>
public sealed class OrgUnit : IOrgScoped, IOrgUnitNode
{
    private OrgUnit()
    {
    }

    public long Id { get; private set; }

    public long? ParentId { get; private set; }

    public OrgLevel Level { get; private set; }

    public string Name { get; private set; } = "";

    public string? DivisionCode { get; private set; }

    public string Path { get; private set; } = "";

    /// <summary>The tenant: the id of the county this unit belongs to (null above county level).</summary>
    public long? CountyId { get; private set; }

    public string? Address { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public OrgUnitStatus Status { get; private set; } = OrgUnitStatus.Active;

    public DateTime CreatedAt { get; private set; }

    long IOrgScoped.OrgUnitId => Id;

    public static Result<OrgUnit> Create(OrgUnit? parent, OrgLevel level, string name, string? divisionCode, DateTime nowUtc)
    {
        var nesting = OrgNesting.Check(parent?.Level, level);
        if (nesting is not null)
        {
            return nesting;
        }

        if (parent is { Status: OrgUnitStatus.Inactive })
        {
            return Error.Conflict("org.parent_inactive");
        }

        var code = Domain.DivisionCode.Check(level, divisionCode, parent?.DivisionCode);
        if (code is not null)
        {
            return code;
        }

        return new OrgUnit
        {
            ParentId = parent?.Id,
            Level = level,
            Name = name.Trim(),
            DivisionCode = level is OrgLevel.Point or OrgLevel.Department ? null : divisionCode,
            // The real path needs the database id; AssignPath runs right after the insert.
            Path = (parent?.Path ?? "/") + "pending/",
            CountyId = parent?.CountyId,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>Called once the id is known (same transaction as the insert).</summary>
    public void AssignPath(string? parentPath)
    {
        Path = (parentPath ?? "/") + Id + "/";
        if (Level == OrgLevel.County)
        {
            CountyId = Id;
        }
    }

    public void Describe(string name, string? address, double? latitude, double? longitude, string? contactName, string? contactPhone)
    {
        Name = name.Trim();
        Address = address;
        Latitude = latitude;
        Longitude = longitude;
        ContactName = contactName;
        ContactPhone = contactPhone;
    }

    public Error? Deactivate(bool hasActiveChildren)
    {
        if (hasActiveChildren)
        {
            return Error.Conflict("org.has_active_children");
        }

        Status = OrgUnitStatus.Inactive;
        return null;
    }

    public void Activate() => Status = OrgUnitStatus.Active;

    /// <summary>
    /// Moves this unit under <paramref name="newParent"/>. The caller rewrites the paths of the
    /// descendants with <see cref="RebaseDescendant"/>.
    /// </summary>
    public Error? MoveTo(OrgUnit newParent, string? newDivisionCode)
    {
        if (newParent.Path.StartsWith(Path, StringComparison.Ordinal))
        {
            return Error.Field("parentId", "org.move_into_own_subtree");
        }

        var nesting = OrgNesting.Check(newParent.Level, Level);
        if (nesting is not null)
        {
            return nesting;
        }

        if (newParent.CountyId != CountyId)
        {
            return Error.Conflict("org.move_across_county");
        }

        if (newParent.Status == OrgUnitStatus.Inactive)
        {
            return Error.Conflict("org.parent_inactive");
        }

        var code = newDivisionCode ?? DivisionCode;
        var codeError = Domain.DivisionCode.Check(Level, code, newParent.DivisionCode);
        if (codeError is not null)
        {
            return codeError;
        }

        ParentId = newParent.Id;
        DivisionCode = code;
        Path = newParent.Path + Id + "/";
        return null;
    }

    public void RebaseDescendant(string oldPrefix, string newPrefix) =>
        Path = newPrefix + Path[oldPrefix.Length..];
}

/// <summary>Which level may sit under which (DESIGN §1): a strict chain, with practice points below any tier from county down; departments right under the county (ADR 0060).</summary>
public static class OrgNesting
{
    public static bool IsAllowed(OrgLevel? parent, OrgLevel child) => (parent, child) switch
    {
        (null, OrgLevel.City or OrgLevel.County) => true,
        (OrgLevel.City, OrgLevel.County) => true,
        (OrgLevel.County, OrgLevel.Township or OrgLevel.Point or OrgLevel.Department) => true,
        (OrgLevel.Township, OrgLevel.Village or OrgLevel.Point) => true,
        (OrgLevel.Village, OrgLevel.Point) => true,
        _ => false,
    };

    public static Error? Check(OrgLevel? parent, OrgLevel child) =>
        IsAllowed(parent, child) ? null : Error.Field("level", "org.level_nesting");
}
