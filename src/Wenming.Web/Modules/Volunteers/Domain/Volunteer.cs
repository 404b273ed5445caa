using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Domain;

public enum VolunteerStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A guardian's consent, recorded for volunteers aged 14–17 (RULES.md).</summary>
public sealed record GuardianConsent(string Name, string Relation, string Phone);

/// <summary>
/// A person's registration as a volunteer (DESIGN §4). Scoped to the person's home unit; the
/// volunteer number is the public key, issued only at approval.
/// </summary>
public sealed class Volunteer : IOrgScoped, ICountyScoped
{
    private Volunteer()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long PersonId { get; private set; }

    public string? VolunteerNumber { get; private set; }

    public VolunteerStatus Status { get; private set; }

    public string? Skills { get; private set; }

    public string? ServiceAreas { get; private set; }

    public string? Availability { get; private set; }

    [Sensitive]
    public string? GuardianName { get; private set; }

    public string? GuardianRelation { get; private set; }

    [Sensitive]
    public string? GuardianPhone { get; private set; }

    public DateTime? GuardianConsentAt { get; private set; }

    public string? RejectReason { get; private set; }

    public DateTime AppliedAt { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public long? ReviewedByUserId { get; private set; }

    public static Volunteer Apply(
        long countyId, long orgUnitId, long personId, GuardianConsent? guardian, string? skills, string? serviceAreas, string? availability, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            PersonId = personId,
            Status = VolunteerStatus.Pending,
            Skills = skills,
            ServiceAreas = serviceAreas,
            Availability = availability,
            GuardianName = guardian?.Name,
            GuardianRelation = guardian?.Relation,
            GuardianPhone = guardian?.Phone,
            GuardianConsentAt = guardian is null ? null : nowUtc,
            AppliedAt = nowUtc,
        };

    /// <summary>The volunteer was anonymized (ADR 0023): the guardian's name, relation and phone go; that consent was given (when) stays.</summary>
    public void EraseGuardian()
    {
        GuardianName = null;
        GuardianRelation = null;
        GuardianPhone = null;
    }

    /// <summary>Only a pending registration can be decided; the decision is final in this slice.</summary>
    public Error? CanBeReviewed() => Status == VolunteerStatus.Pending ? null : Error.Conflict("volunteer.invalid_state");

    public Error? Approve(string volunteerNumber, long? reviewerUserId, DateTime nowUtc)
    {
        if (CanBeReviewed() is { } refused)
        {
            return refused;
        }

        Status = VolunteerStatus.Approved;
        VolunteerNumber = volunteerNumber;
        ReviewedAt = nowUtc;
        ReviewedByUserId = reviewerUserId;
        return null;
    }

    public Error? Reject(string reason, long? reviewerUserId, DateTime nowUtc)
    {
        if (CanBeReviewed() is { } refused)
        {
            return refused;
        }

        Status = VolunteerStatus.Rejected;
        RejectReason = reason;
        ReviewedAt = nowUtc;
        ReviewedByUserId = reviewerUserId;
        return null;
    }
}

/// <summary>
/// The last volunteer number sequence issued in a county. Approvals raise it with one conditional
/// UPDATE, so concurrent approvals never get the same number (the row lock serializes them).
/// </summary>
[NotAudited]
public sealed class VolunteerNumberCounter
{
    public long CountyId { get; set; }

    public long LastSequence { get; set; }
}
