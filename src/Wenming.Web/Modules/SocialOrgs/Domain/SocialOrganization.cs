using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Domain;

/// <summary>Legal forms of a social organization under the civil-affairs registration rules.</summary>
public enum SocialOrgKind
{
    /// <summary>社会团体</summary>
    SocialGroup = 1,

    /// <summary>社会服务机构 (formerly 民办非企业单位)</summary>
    ServiceInstitution = 2,

    /// <summary>基金会</summary>
    Foundation = 3,

    /// <summary>其他</summary>
    Other = 9,
}

public enum SocialOrgStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>
/// A social organization (社会组织) registered by a county's practice center; the volunteer
/// federation (志愿服务联合会) is the set of those marked as members. Scoped to the registering unit.
/// </summary>
public sealed class SocialOrganization : IOrgScoped, ICountyScoped
{
    private SocialOrganization()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string? CreditCode { get; private set; }

    public SocialOrgKind Kind { get; private set; }

    public string? ServiceFields { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Address { get; private set; }

    public SocialOrgStatus Status { get; private set; }

    public bool IsFederationMember { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static SocialOrganization Register(long countyId, long orgUnitId, SocialOrgDetails details, DateTime nowUtc)
    {
        var org = new SocialOrganization
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            Status = SocialOrgStatus.Active,
            CreatedAt = nowUtc,
        };
        org.Update(details);
        return org;
    }

    public void Update(SocialOrgDetails details)
    {
        Name = details.Name;
        CreditCode = details.CreditCode;
        Kind = details.Kind;
        ServiceFields = details.ServiceFields;
        ContactName = details.ContactName;
        ContactPhone = details.ContactPhone;
        Address = details.Address;
        IsFederationMember = details.IsFederationMember;
    }

    public void SetStatus(SocialOrgStatus status) => Status = status;
}

/// <summary>The editable facts of an organization, already validated and normalized.</summary>
public sealed record SocialOrgDetails(
    string Name, string? CreditCode, SocialOrgKind Kind, string? ServiceFields, string? ContactName, string? ContactPhone,
    string? Address, bool IsFederationMember);

/// <summary>
/// 结对帮扶: an organization helping a village. Scoped to the village, so the village's own station
/// and township see it. Ending keeps the row (the history of who helped whom is the point).
/// </summary>
public sealed class Pairing : IOrgScoped, ICountyScoped
{
    private Pairing()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The village (as the scope key).</summary>
    public long OrgUnitId { get; private set; }

    public long SocialOrganizationId { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string Content { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public bool IsActive => EndedOn is null;

    public static Pairing Start(long countyId, long villageUnitId, long socialOrganizationId, DateOnly startedOn, string content, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        OrgUnitId = villageUnitId,
        SocialOrganizationId = socialOrganizationId,
        StartedOn = startedOn,
        Content = content,
        CreatedAt = nowUtc,
    };

    public void End(DateOnly endedOn) => EndedOn = endedOn;
}
