using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.People.Domain;

public enum PoliticalStatus
{
    Masses = 0,
    PartyMember = 1,
    ProbationaryPartyMember = 2,
    LeagueMember = 3,
    Other = 9,
}

/// <summary>
/// A person registered by real name. The ID number is personal information (PIPL): only its
/// ciphertext, a keyed hash for uniqueness/search and the masked form are stored.
/// </summary>
public sealed class Person : IOrgScoped
{
    private Person()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    [Sensitive]
    public string Name { get; private set; } = "";

    [Sensitive]
    public string IdNumberCipher { get; private set; } = "";

    [Sensitive]
    public string IdNumberHash { get; private set; } = "";

    [Sensitive]
    public string IdNumberMasked { get; private set; } = "";

    [Sensitive]
    public Gender Gender { get; private set; }

    [Sensitive]
    public DateOnly BirthDate { get; private set; }

    [Sensitive]
    public string Phone { get; private set; } = "";

    public long? HouseholdId { get; private set; }

    public PoliticalStatus PoliticalStatus { get; private set; }

    public string? Skills { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Person Register(
        long countyId, long orgUnitId, string name, ChineseIdNumber id, string idCipher, string idHash, string phone,
        long? householdId, PoliticalStatus politicalStatus, string? skills, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            Name = name.Trim(),
            IdNumberCipher = idCipher,
            IdNumberHash = idHash,
            IdNumberMasked = id.Masked,
            Gender = id.Gender,
            BirthDate = id.BirthDate,
            Phone = phone,
            HouseholdId = householdId,
            PoliticalStatus = politicalStatus,
            Skills = skills,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };

    public void Update(string name, string phone, long orgUnitId, long? householdId, PoliticalStatus politicalStatus, string? skills, DateTime nowUtc)
    {
        Name = name.Trim();
        Phone = phone;
        OrgUnitId = orgUnitId;
        HouseholdId = householdId;
        PoliticalStatus = politicalStatus;
        Skills = skills;
        UpdatedAt = nowUtc;
    }
}
