using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>
/// Writing and reviewing articles (RULES.md Content): admins of a unit write for their unit (and so for its
/// subtree); another person than the author approves — and, where the county asks for 三审, a second person again —;
/// an approved article is published, optionally pinned and with an end. Everything is in the caller's subtree:
/// an article of another unit answers 404.
/// </summary>
public sealed class ArticlesHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IFileStore files, IActivityDirectory activities, TimeProvider clock)
{
    public async Task<Result<ArticleDto>> CreateAsync(ArticleRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var orgUnitId = request.OrgUnitId ?? actor.OrgUnitId;
        var fields = await CheckAsync(request, orgUnitId, ct);
        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(orgUnitId!.Value, ct) is not { CountyId: { } countyId } unit || unit.Status != OrgUnitStatus.Active)
        {
            return Error.NotFound("org.not_found");
        }

        var article = Article.Draft(countyId, unit.Id, request.Kind!.Value, request.Title!, request.Summary, request.Body!, request.CoverFileId,
            actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        db.Add(article);
        await db.SaveChangesAsync(ct);
        return ArticleDto.From(article);
    }

    /// <summary>
    /// 生成活动报道 (issue 16): a draft activity report in the activity's unit, written from its archive — title, date,
    /// place, how many attended and their service hours, and the archive's photos (the first one the cover). Only a
    /// draft: the author edits it and it goes through the usual review by another person. An activity that has not
    /// ended has nothing to report yet (409); one outside the caller's subtree is not found.
    /// </summary>
    public async Task<Result<ArticleDto>> DraftFromActivityAsync(long activityId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await activities.ReportSourceAsync(activityId, ct) is not { } source)
        {
            return Error.Keyed("activity.not_found", ErrorKind.NotFound, "Content.error.activity_not_found");
        }

        if (!source.Ended)
        {
            return Error.Keyed("article.activity_not_ended", ErrorKind.Conflict, "Content.error.activity_not_ended");
        }

        if (await orgs.FindAsync(source.OrgUnitId, ct) is not { CountyId: { } countyId } unit || unit.Status != OrgUnitStatus.Active)
        {
            return Error.NotFound("org.not_found");
        }

        var title = Limit(Platform.Localization.Text.Get("Content.report.title", source.Title), Article.MaxTitleLength);
        var summary = Limit(Platform.Localization.Text.Get("Content.report.summary", ReportDate(source.StartsAt), source.Place, source.Participants), Article.MaxSummaryLength);
        var article = Article.Draft(countyId, unit.Id, ArticleKind.ActivityReport, title, summary, ReportBody(source, unit.Name),
            source.Photos.Count > 0 ? source.Photos[0].FileId : null, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        db.Add(article);
        await db.SaveChangesAsync(ct);
        return ArticleDto.From(article);
    }

    /// <summary>The report's Markdown: the facts as a list, a line for the author to replace, then the photos.</summary>
    private static string ReportBody(ActivityReportSource source, string unitName)
    {
        var body = new System.Text.StringBuilder();
        body.AppendLine(Platform.Localization.Text.Get("Content.report.lead", ReportDate(source.StartsAt), Plain(source.Place), unitName, Plain(source.Title))).AppendLine();
        body.AppendLine("- " + Platform.Localization.Text.Get("Content.report.time", Platform.Localization.Text.Display(source.StartsAt), Platform.Localization.Text.Display(source.EndsAt)));
        body.AppendLine("- " + Platform.Localization.Text.Get("Content.report.place", Plain(source.Place)));
        body.AppendLine("- " + Platform.Localization.Text.Get("Content.report.participants", source.Participants));
        body.AppendLine("- " + Platform.Localization.Text.Get("Content.report.hours", source.Hours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))).AppendLine();
        body.AppendLine(Platform.Localization.Text.Get("Content.report.placeholder")).AppendLine();
        foreach (var photo in source.Photos)
        {
            var caption = Plain(photo.Caption ?? Platform.Localization.Text.Get("Content.ui.picture"));
            body.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"![{caption}](/files/{photo.FileId})").AppendLine();
        }

        return Limit(body.ToString().TrimEnd(), Article.MaxBodyLength);
    }

    private static string ReportDate(DateTime utc) => Platform.Localization.Text.ToChinaTime(utc).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Text typed by the organizer goes in as words, not as Markdown: brackets and the like would make links or pictures.</summary>
    private static string Plain(string text) =>
        string.Concat(text.Where(c => c is not ('[' or ']' or '(' or ')' or '!' or '*' or '_' or '`' or '<' or '>' or '#' or '\\' or '\r' or '\n')));

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Edits a draft (new, or sent back with a reason); the unit stays.</summary>
    public async Task<Result<ArticleDto>> UpdateAsync(long id, ArticleRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<Article>().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } article)
        {
            return ContentErrors.NotFound();
        }

        var fields = await CheckAsync(request, article.OrgUnitId, ct);
        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (!article.CanEdit)
        {
            return ContentErrors.WrongState(article.Status);
        }

        article.Edit(request.Kind!.Value, request.Title!, request.Summary, request.Body!, request.CoverFileId, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(article, ct);
    }

    /// <summary>
    /// Stores a picture for an article of the caller's own unit (where new articles are written) and answers its file
    /// id; the page then puts <c>![图片](/files/id)</c> in the body. Saved at once: the id goes into the article.
    /// </summary>
    public async Task<Result<long>> AddPictureAsync(string? fileName, Stream content, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (actor.OrgUnitId is not { } unit)
        {
            return Error.NotFound("org.not_found");
        }

        var stored = await files.AddAsync(fileName, content, unit, ct, "picture");
        if (!stored.IsSuccess)
        {
            return stored.Error!;
        }

        await db.SaveChangesAsync(ct);
        return stored.Value.Id;
    }

    public Task<Result<ArticleDto>> SubmitAsync(long id, CancellationToken ct) =>
        TransitionAsync(id, [ArticleStatus.Draft], (a, now) => a.Submit(now), ct);

    public async Task<Result<ArticleDto>> ApproveAsync(long id, CancellationToken ct)
    {
        var secondReview = await SecondReviewAsync(id, ct);
        return await TransitionAsync(id, [ArticleStatus.Submitted, ArticleStatus.FirstApproved],
            (a, now) => a.Approve(secondReview, actor.UserId, actor.Login, now), ct, reviewing: true);
    }

    public async Task<Result<ArticleDto>> RejectAsync(long id, RejectArticleRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return FieldErrors.Required("reason", "Content.field.reason");
        }

        if (request.Reason.Trim().Length > Article.MaxReasonLength)
        {
            return FieldErrors.TooLong("reason", "Content.field.reason", Article.MaxReasonLength);
        }

        return await TransitionAsync(id, [ArticleStatus.Submitted, ArticleStatus.FirstApproved], (a, now) => a.Reject(request.Reason, now), ct, reviewing: true);
    }

    public async Task<Result<ArticleDto>> PublishAsync(long id, PublishArticleRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ExpiresAt is { } ends && ends.UtcDateTime <= now)
        {
            return FieldErrors.One("expiresAt", "article.expiry_past", "Content.error.expiry_past");
        }

        // The portal's cache follows the committed write by itself (ShownOnPortal, ADR 0056).
        return await TransitionAsync(id, [ArticleStatus.Approved], (a, at) => a.Publish(request.Pinned ?? false, request.ExpiresAt?.UtcDateTime, actor.Login, at), ct);
    }

    /// <summary>Takes a published article off the portal (a mistake, an outdated notice); it stays on record.</summary>
    public async Task<Result<ArticleDto>> WithdrawAsync(long id, CancellationToken ct)
    {
        return await TransitionAsync(id, [ArticleStatus.Published], (a, now) => a.Withdraw(now), ct);
    }

    public async Task<Result<ArticleDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        return await db.Set<Article>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } article ? ArticleDto.From(article) : ContentErrors.NotFound();
    }

    public async Task<Result<PageOf<ArticleDto>>> ListAsync(ListArticlesRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var query = db.Set<Article>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(a => under.Contains(a.OrgUnitId));
        }

        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (request.Review == true)
        {
            query = AwaitingReview(query);
        }

        var page = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).ToPageAsync(paging, ct);
        return new PageOf<ArticleDto>([.. page.Items.Select(ArticleDto.From)], page.Page, page.PageSize, page.Total);
    }

    /// <summary>How many articles in the caller's subtree wait for a review this caller may give (the home card's count).</summary>
    public async Task<int> AwaitingMyReviewAsync(CancellationToken ct) =>
        actor.RequireAdmin() is not null ? 0 : await AwaitingReview(db.Set<Article>().AsNoTracking()).CountAsync(ct);

    public async Task<Result<ContentSettingsDto>> SettingsAsync(CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (actor.CountyId is not { } county)
        {
            return Error.NotFound("org.not_found");
        }

        var settings = await db.Set<ContentSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.CountyId == county, ct);
        return new ContentSettingsDto(county, settings?.SecondReview ?? false);
    }

    /// <summary>The county center decides whether its articles need a second approver (三审).</summary>
    public async Task<Result<ContentSettingsDto>> SetSettingsAsync(ContentSettingsRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.CenterAdmin) is not null || actor.CountyId is not { } county)
        {
            return Error.Forbidden();
        }

        if (request.SecondReview is not { } second)
        {
            return FieldErrors.Required("secondReview", "Content.field.secondReview");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<ContentSettings>().SingleOrDefaultAsync(s => s.CountyId == county, ct) is { } settings)
        {
            settings.Set(second, now);
        }
        else
        {
            db.Add(ContentSettings.For(county, second, now));
        }

        await db.SaveChangesAsync(ct);
        return new ContentSettingsDto(county, second);
    }

    private IQueryable<Article> AwaitingReview(IQueryable<Article> query)
    {
        var me = actor.UserId;
        return query.Where(a => (a.Status == ArticleStatus.Submitted || a.Status == ArticleStatus.FirstApproved)
            && (a.AuthorUserId == null || a.AuthorUserId != me) && (a.FirstReviewerUserId == null || a.FirstReviewerUserId != me));
    }

    private async Task<bool> SecondReviewAsync(long articleId, CancellationToken ct)
    {
        var county = await db.Set<Article>().AsNoTracking().Where(a => a.Id == articleId).Select(a => (long?)a.CountyId).SingleOrDefaultAsync(ct);
        return county is { } c && await db.Set<ContentSettings>().AsNoTracking().AnyAsync(s => s.CountyId == c && s.SecondReview, ct);
    }

    private async Task<Result<ArticleDto>> TransitionAsync(long id, ArticleStatus[] from, Action<Article, DateTime> change, CancellationToken ct, bool reviewing = false)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<Article>().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } article)
        {
            return ContentErrors.NotFound();
        }

        if (reviewing && article.IsOwnOrReviewedBy(actor.UserId))
        {
            return ContentErrors.OwnArticle();
        }

        if (!from.Contains(article.Status))
        {
            return ContentErrors.WrongState(article.Status);
        }

        change(article, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(article, ct);
    }

    private async Task<Result<ArticleDto>> SaveAsync(Article article, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two reviewers at once: the status was the concurrency token, one of them wins.
            var now = await db.Set<Article>().AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.Status).SingleAsync(ct);
            return ContentErrors.WrongState(now);
        }

        return ArticleDto.From(article);
    }

    private async Task<FieldErrors> CheckAsync(ArticleRequest request, long? orgUnitId, CancellationToken ct)
    {
        var fields = new FieldErrors();
        if (orgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Content.field.orgUnitId");
        }

        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            fields.AddRequired("kind", "Content.field.kind");
        }

        Text(fields, "title", request.Title, Article.MaxTitleLength, required: true);
        Text(fields, "summary", request.Summary, Article.MaxSummaryLength, required: false);
        Text(fields, "body", request.Body, Article.MaxBodyLength, required: true);
        if (request.CoverFileId is { } cover)
        {
            var found = await files.DescribeAsync([cover], ct);
            if (!found.TryGetValue(cover, out var file) || !file.IsImage)
            {
                fields.Add("coverFileId", "Content.error.cover_not_found");
            }
        }

        return fields;
    }

    private static void Text(FieldErrors fields, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                fields.AddRequired(field, "Content.field." + field);
            }
        }
        else if (value.Trim().Length > max)
        {
            fields.AddTooLong(field, "Content.field." + field, max);
        }
    }
}
