using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>A file backing a proposal; <see cref="Url"/> is the platform's staff download (bearer), <see cref="PageUrl"/> the same for pages.</summary>
public sealed record AwardEvidenceDto(long Id, long FileId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string Url, string PageUrl)
{
    public bool IsImage => FileSniffer.IsImage(ContentType);

    public static AwardEvidenceDto From(PointAwardEvidence e, StoredFileInfo f) =>
        new(e.Id, f.Id, f.FileName, f.ContentType, f.Size, Text.ToChinaTime(e.UploadedAt), f.ApiUrl, f.PageUrl);
}

/// <summary>
/// An award as the cadres see it (API.md: <c>{id, status, …}</c>). <see cref="Points"/> is what was
/// proposed (negative for a deduction); <see cref="AppliedPoints"/> what the ledger moved once credited.
/// </summary>
public sealed record AwardDto(
    long Id,
    long PersonId,
    string? PersonName,
    long OrgUnitId,
    long Points,
    string Kind,
    AwardCategory Category,
    string CategoryLabel,
    string Reason,
    AwardStatus Status,
    string StatusLabel,
    long? ProposedByUserId,
    string? ProposedByLogin,
    DateTimeOffset ProposedAt,
    long? DecidedByUserId,
    string? DecidedByLogin,
    DateTimeOffset? DecidedAt,
    string? RejectReason,
    DateTimeOffset? NoticeEndsAt,
    long? RevokedByUserId,
    string? RevokedByLogin,
    DateTimeOffset? RevokedAt,
    string? RevokeReason,
    DateTimeOffset? CreditedAt,
    long? AppliedPoints,
    long? TransactionId,
    IReadOnlyList<AwardEvidenceDto> Evidence)
{
    public static AwardDto From(PointAward a, string? personName, IReadOnlyList<AwardEvidenceDto> evidence) => new(
        a.Id,
        a.PersonId,
        personName,
        a.OrgUnitId,
        a.Points,
        a.Kind.ToString(),
        a.Category,
        AwardLabels.Category(a.Category),
        a.Reason,
        a.Status,
        AwardLabels.Status(a.Status),
        a.ProposedByUserId,
        a.ProposedByLogin,
        Text.ToChinaTime(a.ProposedAt),
        a.DecidedByUserId,
        a.DecidedByLogin,
        Time(a.DecidedAt),
        a.Status == AwardStatus.Rejected ? a.DecisionNote : null,
        Time(a.NoticeEndsAt),
        a.RevokedByUserId,
        a.RevokedByLogin,
        Time(a.RevokedAt),
        a.RevokeReason,
        Time(a.CreditedAt),
        a.AppliedPoints,
        a.TransactionId,
        evidence);

    private static DateTimeOffset? Time(DateTime? utc) => utc is { } t ? Text.ToChinaTime(t) : null;
}

/// <summary>
/// One line of the public notice list (公示): what was decided about whom and why, with no evidence and no
/// proposer. <see cref="PersonName"/> is masked (张*) for everyone but the cadres.
/// </summary>
public sealed record AwardNoticeDto(
    long Id,
    string PersonName,
    long OrgUnitId,
    string? OrgUnitName,
    long Points,
    string Kind,
    AwardCategory Category,
    string CategoryLabel,
    string Reason,
    AwardStatus Status,
    string StatusLabel,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? NoticeEndsAt,
    DateTimeOffset? CreditedAt,
    long? AppliedPoints);

/// <summary>The Chinese names of categories and states (Award.category.*, Award.status.*).</summary>
public static class AwardLabels
{
    public static readonly IReadOnlyList<AwardCategory> AwardCategories =
        [AwardCategory.GoodDeed, AwardCategory.FilialPiety, AwardCategory.Bravery, AwardCategory.VolunteerStar, AwardCategory.OtherAward];

    public static readonly IReadOnlyList<AwardCategory> DeductionCategories =
        [AwardCategory.Extravagance, AwardCategory.NeglectingElders, AwardCategory.VillageRules, AwardCategory.Sanitation, AwardCategory.OtherDeduction];

    public static string Category(AwardCategory category) => Text.Get("Award.category." + category);

    public static string Status(AwardStatus status) => Text.Get("Award.status." + status);

    /// <summary>"+20" or "−10": the sign is the point of a notice line.</summary>
    public static string WithSign(long points) => points > 0 ? "+" + points : "−" + Math.Abs(points);

    /// <summary>
    /// 张三 → 张*, 欧阳娜娜 → 欧***: the surname stays so neighbours recognise the notice, the rest is
    /// hidden from anyone who is not a cadre (RULES.md: public notice, personal information minimised).
    /// </summary>
    public static string MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? "*" : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
