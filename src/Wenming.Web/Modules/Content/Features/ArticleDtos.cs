using System.ComponentModel;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>API.md's <c>{orgUnitId, kind, title, body}</c> (body in Markdown), with an optional summary line and cover picture.</summary>
public sealed record ArticleRequest(long? OrgUnitId, ArticleKind? Kind, string? Title, string? Body, string? Summary = null, long? CoverFileId = null);

public sealed record RejectArticleRequest(string? Reason);

/// <summary>Publishing options: pinned to the top of the portal, and when it leaves the portal (a notice of a past event).</summary>
public sealed record PublishArticleRequest(bool? Pinned = null, DateTimeOffset? ExpiresAt = null);

public sealed record ContentSettingsRequest(bool? SecondReview);

public sealed record ContentSettingsDto(long CountyId, bool SecondReview);

/// <summary><paramref name="Review"/>: only the articles waiting for a review the caller may give (not their own).</summary>
public sealed record ListArticlesRequest
{
    public long? OrgUnitId { get; set; }

    public ArticleStatus? Status { get; set; }

    public ArticleKind? Kind { get; set; }

    public bool? Review { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>An article as its writers and reviewers see it: the Markdown as written, the review's trail.</summary>
public sealed record ArticleDto(
    long Id, long OrgUnitId, ArticleKind Kind, string KindLabel, string Title, string? Summary, string Body, long? CoverFileId,
    ArticleStatus Status, string StatusLabel, bool Pinned, DateTimeOffset? ExpiresAt,
    long? AuthorUserId, string? Author, string? FirstReviewer, string? ApprovedBy, string? RejectReason,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt)
{
    public static ArticleDto From(Article a) =>
        new(a.Id, a.OrgUnitId, a.Kind, ContentLabels.Kind(a.Kind), a.Title, a.Summary, a.Body, a.CoverFileId,
            a.Status, ContentLabels.Status(a.Status), a.Pinned, China(a.ExpiresAt),
            a.AuthorUserId, a.AuthorName, a.FirstReviewerName, a.ApprovedByName, a.RejectReason,
            Text.ToChinaTime(a.CreatedAt), China(a.SubmittedAt), China(a.ApprovedAt), China(a.PublishedAt));

    internal static DateTimeOffset? China(DateTime? utc) => utc is { } at ? Text.ToChinaTime(at) : null;
}

/// <summary>A published article in a public list: no author, no review trail; the unit it was published to.</summary>
public sealed record PublicArticleDto(long Id, long OrgUnitId, string Unit, ArticleKind Kind, string KindLabel, string Title, string? Summary, bool Pinned, DateTimeOffset PublishedAt, string? CoverUrl);

/// <summary>A published article to read: the body as sanitized HTML (never the Markdown, never raw HTML).</summary>
public sealed record PublicArticleDetailDto(long Id, long OrgUnitId, string Unit, ArticleKind Kind, string KindLabel, string Title, string? Summary, bool Pinned, DateTimeOffset PublishedAt, string? CoverUrl, string Body);
