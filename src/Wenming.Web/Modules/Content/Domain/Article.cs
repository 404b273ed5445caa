using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Content.Domain;

/// <summary>What an article is (DESIGN §10): news, a notice, policy and theory study material, an activity's report.</summary>
public enum ArticleKind
{
    News = 1,
    Notice = 2,
    Study = 3,
    ActivityReport = 4,
}

/// <summary>
/// The review (RULES.md Content): Draft → Submitted → Approved → Published; where the county asks for 三审 a first
/// approval leaves it <see cref="FirstApproved"/> until a second person approves. A rejection sends it back to Draft
/// with the reason; Withdrawn takes a published article off the portal.
/// </summary>
public enum ArticleStatus
{
    Draft = 1,
    Submitted = 2,
    FirstApproved = 3,
    Approved = 4,
    Published = 5,
    Withdrawn = 6,
}

/// <summary>
/// An article written by a cadre of <see cref="OrgUnitId"/> and, once published, shown on the portal of every unit
/// in that unit's subtree (a village sees its own, its township's and its county's). The body is Markdown, kept as
/// written; it is rendered to sanitized HTML only when shown (<c>ArticleMarkdown</c>).
/// </summary>
[ShownOnPortal]
public sealed class Article : IOrgScoped, ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxSummaryLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxReasonLength = 200;

    private Article()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public ArticleKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The line under the title in lists and the share card (og:description); optional.</summary>
    public string? Summary { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>The picture of the share card and the list (a plat_files id in the article's unit), optional.</summary>
    public long? CoverFileId { get; private set; }

    public ArticleStatus Status { get; private set; }

    public bool Pinned { get; private set; }

    /// <summary>After this moment the article leaves the portal (a notice of a past event); null: never.</summary>
    public DateTime? ExpiresAt { get; private set; }

    public long? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public long? FirstReviewerUserId { get; private set; }

    public string? FirstReviewerName { get; private set; }

    public long? ApprovedByUserId { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public string? RejectReason { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public string? PublishedByName { get; private set; }

    public static Article Draft(long countyId, long orgUnitId, ArticleKind kind, string title, string? summary, string body, long? coverFileId, long? userId, string? login, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Kind = kind,
        Title = title.Trim(),
        Summary = Clean(summary),
        Body = body.Trim(),
        CoverFileId = coverFileId,
        Status = ArticleStatus.Draft,
        AuthorUserId = userId,
        AuthorName = login,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Only a draft (new or sent back) is edited: what reviewers approved is what is published.</summary>
    public bool CanEdit => Status == ArticleStatus.Draft;

    public void Edit(ArticleKind kind, string title, string? summary, string body, long? coverFileId, DateTime now)
    {
        Kind = kind;
        Title = title.Trim();
        Summary = Clean(summary);
        Body = body.Trim();
        CoverFileId = coverFileId;
        UpdatedAt = now;
    }

    public void Submit(DateTime now)
    {
        Status = ArticleStatus.Submitted;
        SubmittedAt = now;
        RejectReason = null;
        FirstReviewerUserId = null;
        FirstReviewerName = null;
        UpdatedAt = now;
    }

    /// <summary>A first approval where the county asks for two (三审), else the approval.</summary>
    public void Approve(bool secondReviewRequired, long? userId, string? login, DateTime now)
    {
        if (secondReviewRequired && Status == ArticleStatus.Submitted)
        {
            Status = ArticleStatus.FirstApproved;
            FirstReviewerUserId = userId;
            FirstReviewerName = login;
        }
        else
        {
            Status = ArticleStatus.Approved;
            ApprovedByUserId = userId;
            ApprovedByName = login;
            ApprovedAt = now;
        }

        UpdatedAt = now;
    }

    public void Reject(string reason, DateTime now)
    {
        Status = ArticleStatus.Draft;
        RejectReason = reason.Trim();
        FirstReviewerUserId = null;
        FirstReviewerName = null;
        UpdatedAt = now;
    }

    public void Publish(bool pinned, DateTime? expiresAt, string? login, DateTime now)
    {
        Status = ArticleStatus.Published;
        Pinned = pinned;
        ExpiresAt = expiresAt;
        PublishedAt = now;
        PublishedByName = login;
        UpdatedAt = now;
    }

    public void Withdraw(DateTime now)
    {
        Status = ArticleStatus.Withdrawn;
        Pinned = false;
        UpdatedAt = now;
    }

    /// <summary>Whether <paramref name="userId"/> already had a hand in it: the author and the first reviewer may not approve.</summary>
    public bool IsOwnOrReviewedBy(long? userId) => userId is not null && (AuthorUserId == userId || FirstReviewerUserId == userId);

    public bool IsLive(DateTime now) => Status == ArticleStatus.Published && (ExpiresAt is null || ExpiresAt > now);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The county's content rules: whether an article needs a second approver (三审) before it is published.</summary>
public sealed class ContentSettings : ICountyScoped
{
    private ContentSettings()
    {
    }

    public long CountyId { get; private set; }

    public bool SecondReview { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static ContentSettings For(long countyId, bool secondReview, DateTime now) => new() { CountyId = countyId, SecondReview = secondReview, UpdatedAt = now };

    public void Set(bool secondReview, DateTime now)
    {
        SecondReview = secondReview;
        UpdatedAt = now;
    }
}

public static class ContentLabels
{
    public static string Kind(ArticleKind kind) => Text.Get("Content.kind." + kind);

    public static string Status(ArticleStatus status) => Text.Get("Content.status." + status);
}
