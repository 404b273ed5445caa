using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Domain;

namespace Wenming.Web.Modules.Organization.Features;

/// <summary>An org unit as the API shows it.</summary>
public sealed record OrgUnitDto(
    long Id, long? ParentId, OrgLevel Level, string Name, string? DivisionCode, string Path, long? CountyId,
    string? Address, double? Latitude, double? Longitude, string? ContactName, string? ContactPhone, OrgUnitStatus Status)
{
    public static OrgUnitDto From(OrgUnit u) => new(
        u.Id, u.ParentId, u.Level, u.Name, u.DivisionCode, u.Path, u.CountyId,
        u.Address, u.Latitude, u.Longitude, u.ContactName, u.ContactPhone, u.Status);
}
