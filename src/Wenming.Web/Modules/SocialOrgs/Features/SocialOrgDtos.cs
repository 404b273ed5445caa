using Wenming.Web.Modules.SocialOrgs.Domain;

namespace Wenming.Web.Modules.SocialOrgs.Features;

/// <summary>An organization as the API shows it; the detail view adds its active pairings.</summary>
public sealed record SocialOrgDto(
    long Id, string Name, string? CreditCode, SocialOrgKind Kind, string? ServiceFields, string? ContactName, string? ContactPhone,
    string? Address, SocialOrgStatus Status, bool IsFederationMember, long OrgUnitId, DateTime CreatedAt, IReadOnlyList<PairingDto>? Pairings = null)
{
    public static SocialOrgDto From(SocialOrganization o, IReadOnlyList<PairingDto>? pairings = null) => new(
        o.Id, o.Name, o.CreditCode, o.Kind, o.ServiceFields, o.ContactName, o.ContactPhone, o.Address, o.Status, o.IsFederationMember,
        o.OrgUnitId, o.CreatedAt, pairings);
}

public sealed record PairingDto(
    long Id, long SocialOrganizationId, string SocialOrganizationName, long VillageUnitId, string VillageName,
    DateOnly StartedOn, DateOnly? EndedOn, string Content)
{
    public bool Active => EndedOn is null;

    public static PairingDto From(Pairing p, string organizationName, string villageName) =>
        new(p.Id, p.SocialOrganizationId, organizationName, p.OrgUnitId, villageName, p.StartedOn, p.EndedOn, p.Content);
}
