using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.People.Domain;

/// <summary>
/// A person registered by real name. The ID number is personal information (PIPL): only its
/// ciphertext, a keyed hash for uniqueness/search and the masked form are stored.
/// </summary>
public sealed class Person : IOrgScoped, ICountyScoped
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

    /// <summary>When the person was anonymized (ADR 0023); null while they are on record by name.</summary>
    public DateTime? AnonymizedAt { get; private set; }

    /// <summary>Why: "on request …" or the retention rule. Free text of the admin, never the erased values.</summary>
    public string? AnonymizationReason { get; private set; }

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

    /// <summary>Into another household or out of any (the Households module moves people; a person is in at most one).</summary>
    public void MoveToHousehold(long? householdId, DateTime nowUtc)
    {
        HouseholdId = householdId;
        UpdatedAt = nowUtc;
    }

    /// <summary>The person's own new number (from 我的); the caller parsed it with <see cref="MobileNumber"/>.</summary>
    public void ChangePhone(string phone, DateTime nowUtc)
    {
        Phone = phone;
        UpdatedAt = nowUtc;
    }

    /// <summary>
    /// Erases what identifies the person: name, ID number (cipher, keyed hash and masked form) and phone;
    /// the birth date keeps only its year (age statistics), gender and household stay. The hash becomes
    /// a per-row placeholder, so the ID number is free for a new registration.
    /// </summary>
    public void Anonymize(string placeholderName, string placeholderIdMasked, string reason, DateTime nowUtc)
    {
        Name = placeholderName;
        IdNumberCipher = "";
        IdNumberHash = "anonymized:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IdNumberMasked = placeholderIdMasked;
        Phone = "";
        BirthDate = new DateOnly(BirthDate.Year, 1, 1);
        AnonymizedAt = nowUtc;
        AnonymizationReason = reason;
        UpdatedAt = nowUtc;
    }
}
