using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Domain;

/// <summary>Where a hand award stands. Stored as its name; the API shows the name, pages a Chinese label.</summary>
public enum AwardStatus
{
    /// <summary>Proposed by a cadre, waiting for another person's decision.</summary>
    Proposed = 1,

    /// <summary>Approved and on the public notice list (公示) until <see cref="PointAward.NoticeEndsAt"/>.</summary>
    Approved = 2,

    /// <summary>Refused by the approver; final.</summary>
    Rejected = 3,

    /// <summary>Withdrawn during the notice after an objection; final, nothing was posted.</summary>
    Revoked = 4,

    /// <summary>Posted to the ledger after the notice ended; final.</summary>
    Credited = 5,
}

/// <summary>
/// The named reasons for hand awards and deductions (DESIGN §6, RULES.md). The first five are awards, the
/// rest deductions; which sign a category allows is <see cref="PointAward.IsDeductionCategory(AwardCategory)"/>.
/// </summary>
public enum AwardCategory
{
    /// <summary>好人好事.</summary>
    GoodDeed = 1,

    /// <summary>孝老爱亲.</summary>
    FilialPiety = 2,

    /// <summary>见义勇为.</summary>
    Bravery = 3,

    /// <summary>志愿服务之星.</summary>
    VolunteerStar = 4,

    /// <summary>其他（加分）.</summary>
    OtherAward = 5,

    /// <summary>大操大办.</summary>
    Extravagance = 11,

    /// <summary>不赡养老人.</summary>
    NeglectingElders = 12,

    /// <summary>违反村规民约.</summary>
    VillageRules = 13,

    /// <summary>环境卫生.</summary>
    Sanitation = 14,

    /// <summary>其他（扣分）.</summary>
    OtherDeduction = 15,
}

/// <summary>
/// A hand award or deduction (pts_awards, DESIGN §6 积分评议): one cadre proposes, a different person
/// approves (监督), the approved award is shown on the public notice list for the county's notice days,
/// and only then the credit job posts it to the ledger. Both people are recorded. Scoped to the person's
/// unit, so the cadres above that unit (and the county's supervisor) see it.
/// </summary>
[ShownOnPortal]
public sealed class PointAward : IOrgScoped, ICountyScoped
{
    public const int MaxReasonLength = 200;

    /// <summary>Six: enough for a photo or two and a signed statement, few enough to check by eye.</summary>
    public const int MaxEvidence = 6;

    private PointAward()
    {
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The person's unit when proposed: the award's scope and the notice list it appears on.</summary>
    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>Positive for an award, negative for a deduction; never zero.</summary>
    public long Points { get; private set; }

    public AwardCategory Category { get; private set; }

    public string Reason { get; private set; } = "";

    public AwardStatus Status { get; private set; }

    public long? ProposedByUserId { get; private set; }

    public string? ProposedByLogin { get; private set; }

    public DateTime ProposedAt { get; private set; }

    /// <summary>Who approved or rejected it.</summary>
    public long? DecidedByUserId { get; private set; }

    public string? DecidedByLogin { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>The reject reason (shown to the cadres).</summary>
    public string? DecisionNote { get; private set; }

    public DateTime? NoticeEndsAt { get; private set; }

    public long? RevokedByUserId { get; private set; }

    public string? RevokedByLogin { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokeReason { get; private set; }

    public DateTime? CreditedAt { get; private set; }

    /// <summary>What the ledger actually moved: a deduction takes at most the balance, so it may be less than asked (even 0).</summary>
    public long? AppliedPoints { get; private set; }

    public long? TransactionId { get; private set; }

    /// <summary>Bumped by every change; saves are <c>UPDATE … WHERE "Version" = @seen</c>, so of two racing decisions one wins.</summary>
    public long Version { get; private set; }

    public bool IsDeduction => Points < 0;

    /// <summary>The ledger's idempotency key: whatever runs the credit job, an award pays once.</summary>
    public string SourceKey => "award:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public PointKind Kind => IsDeduction ? PointKind.Deduction : PointKind.Award;

    public static bool IsDeductionCategory(AwardCategory category) => category >= AwardCategory.Extravagance;

    /// <summary>The "other" category of the sign, for clients that send API.md's minimal body without one.</summary>
    public static AwardCategory OtherFor(long points) => points < 0 ? AwardCategory.OtherDeduction : AwardCategory.OtherAward;

    public static PointAward Propose(long personId, long orgUnitId, long countyId, long points, AwardCategory category, string reason, long? byUserId, string? byLogin, DateTime nowUtc) =>
        new()
        {
            PersonId = personId,
            OrgUnitId = orgUnitId,
            CountyId = countyId,
            Points = points,
            Category = category,
            Reason = reason.Trim(),
            Status = AwardStatus.Proposed,
            ProposedByUserId = byUserId,
            ProposedByLogin = byLogin,
            ProposedAt = nowUtc,
        };

    /// <summary>Approved: on the notice list for <paramref name="noticeDays"/> days from now.</summary>
    public bool Approve(long? byUserId, string? byLogin, int noticeDays, DateTime nowUtc)
    {
        if (Status != AwardStatus.Proposed)
        {
            return false;
        }

        Status = AwardStatus.Approved;
        Decided(byUserId, byLogin, nowUtc);
        NoticeEndsAt = nowUtc.AddDays(noticeDays);
        return true;
    }

    public bool Reject(long? byUserId, string? byLogin, string reason, DateTime nowUtc)
    {
        if (Status != AwardStatus.Proposed)
        {
            return false;
        }

        Status = AwardStatus.Rejected;
        Decided(byUserId, byLogin, nowUtc);
        DecisionNote = reason.Trim();
        return true;
    }

    /// <summary>While the notice runs, an objection may withdraw an approved award; once it has ended, the objection period is over.</summary>
    public bool InNotice(DateTime nowUtc) => Status == AwardStatus.Approved && NoticeEndsAt > nowUtc;

    public bool Revoke(long? byUserId, string? byLogin, string reason, DateTime nowUtc)
    {
        if (!InNotice(nowUtc))
        {
            return false;
        }

        Status = AwardStatus.Revoked;
        RevokedByUserId = byUserId;
        RevokedByLogin = byLogin;
        RevokedAt = nowUtc;
        RevokeReason = reason.Trim();
        Version++;
        return true;
    }

    /// <summary>Due for crediting: approved and the notice has ended.</summary>
    public bool DueForCredit(DateTime nowUtc) => Status == AwardStatus.Approved && NoticeEndsAt <= nowUtc;

    public bool MarkCredited(DateTime nowUtc)
    {
        if (!DueForCredit(nowUtc))
        {
            return false;
        }

        Status = AwardStatus.Credited;
        CreditedAt = nowUtc;
        Version++;
        return true;
    }

    /// <summary>What the posting moved and which ledger row it is (set in the same transaction as <see cref="MarkCredited"/>).</summary>
    public void RecordPosting(long applied, long? transactionId)
    {
        AppliedPoints = applied;
        TransactionId = transactionId;
    }

    private void Decided(long? byUserId, string? byLogin, DateTime nowUtc)
    {
        DecidedByUserId = byUserId;
        DecidedByLogin = byLogin;
        DecidedAt = nowUtc;
        Version++;
    }
}

/// <summary>
/// A photo or PDF backing a proposal (pts_award_evidence). The bytes are a stored file in the award's
/// unit, served to staff by the platform's /files routes (ADR 0008): evidence is for the approvers, not
/// for the public notice.
/// </summary>
public sealed class PointAwardEvidence : IOrgScoped
{
    private PointAwardEvidence()
    {
    }

    public long Id { get; private set; }

    public long AwardId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public long? UploadedByUserId { get; private set; }

    public static PointAwardEvidence Create(PointAward award, long fileId, long? byUserId, DateTime nowUtc) => new()
    {
        AwardId = award.Id,
        OrgUnitId = award.OrgUnitId,
        FileId = fileId,
        UploadedAt = nowUtc,
        UploadedByUserId = byUserId,
    };

    /// <summary>Evidence is added while the award waits for its decision; afterwards it is the record of what was decided on.</summary>
    public static bool CanAdd(AwardStatus status) => status == AwardStatus.Proposed;
}
