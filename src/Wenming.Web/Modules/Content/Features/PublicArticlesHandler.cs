using System.Globalization;
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
/// Published articles for anyone (API.md public rows): for a unit, what was published to it and to every unit above
/// it (RULES.md: a village sees its own, its township's and its county's), live (not expired), pinned first. Only
/// published content leaves here: no author, no review trail, the body as sanitized HTML.
/// </summary>
public sealed class PublicArticlesHandler(AppDbContext db, OrgScope scope, IOrgDirectory orgs, IFileStore files, IActivityDirectory activities, PortalCache cache, TimeProvider clock)
{
    public const int MaxPageSize = 50;

    public async Task<Result<PageOf<PublicArticleDto>>> ListAsync(long? orgUnitId, ArticleKind? kind, int page, int pageSize, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId)
        {
            return FieldErrors.Required("orgUnitId", "Content.field.orgUnitId");
        }

        var paging = new PageRequest { Page = page, PageSize = pageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (await orgs.FindUnscopedAsync(unitId, ct) is not { Status: OrgUnitStatus.Active } unit)
        {
            return Error.NotFound("org.not_found");
        }

        DateTime? firstExpiry = null;
        return await cache.GetAsync(unit.CountyId, string.Create(CultureInfo.InvariantCulture, $"list:{unitId}:{kind}:{page}:{pageSize}"), async () =>
        {
            var chain = Chain(unit.Path);
            var now = clock.GetUtcNow().UtcDateTime;
            var query = db.Set<Article>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
                .Where(a => chain.Contains(a.OrgUnitId) && a.Status == ArticleStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now));
            if (kind is { } only)
            {
                query = query.Where(a => a.Kind == only);
            }

            var found = await query.OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).ToPageAsync(paging, ct);
            // An expiring article leaves the list when it expires (ADR 0056), not up to a lifetime later. An article
            // further down the list expiring moves what this page shows too, so the list's earliest expiry counts.
            firstExpiry = await query.Where(a => a.ExpiresAt != null).OrderBy(a => a.ExpiresAt).Select(a => a.ExpiresAt).FirstOrDefaultAsync(ct);
            var names = await NamesAsync(found.Items.Select(a => a.OrgUnitId), ct);
            return new PageOf<PublicArticleDto>([.. found.Items.Select(a => ToPublic(a, names[a.OrgUnitId]))], found.Page, found.PageSize, found.Total);
        }, () => firstExpiry);
    }

    public async Task<Result<PublicArticleDetailDto>> GetAsync(long id, CancellationToken ct)
    {
        DateTime? expires = null;
        var detail = await cache.GetAnyAsync(string.Create(CultureInfo.InvariantCulture, $"article:{id}"), async () =>
        {
            if (await LiveAsync(id, ct) is not { } article)
            {
                return new Box<PublicArticleDetailDto>(null);
            }

            expires = article.ExpiresAt;
            var names = await NamesAsync([article.OrgUnitId], ct);
            var item = ToPublic(article, names[article.OrgUnitId]);
            var body = ArticleMarkdown.ToHtml(article.Body, file => FileUrl(article.Id, file));
            return new Box<PublicArticleDetailDto>(new(item.Id, item.OrgUnitId, item.Unit, item.Kind, item.KindLabel, item.Title, item.Summary, item.Pinned, item.PublishedAt, item.CoverUrl, body));
        }, () => expires);
        return detail.Value is { } found ? found : ContentErrors.NotFound();
    }

    /// <summary>
    /// A picture of a live article: its cover or one its body shows, stored under the article's own unit (so that an
    /// author cannot make another unit's private file public by naming its id). Stored files are otherwise for staff only.
    /// </summary>
    public async Task<FileDownload?> OpenFileAsync(long articleId, long fileId, CancellationToken ct)
    {
        if (await LiveAsync(articleId, ct) is not { } article
            || (article.CoverFileId != fileId && !ArticleMarkdown.FileIds(article.Body).Contains(fileId)))
        {
            return null;
        }

        using (scope.Unscoped(because: Why.PublicDisclosure))
        {
            var file = await files.OpenAsync(fileId, ct);
            return file is { Info.IsImage: true } && file.Info.OrgUnitId == article.OrgUnitId ? file : null;
        }
    }

    /// <summary>
    /// The unit a portal shows: the one asked for (active), else the first county — a visitor from a shared link
    /// without a unit lands on the county's portal and picks their village there. A portal is a county's: a unit above
    /// the counties (the city) has none, and is not found.
    /// </summary>
    public async Task<OrgUnitInfo?> PortalUnitAsync(long? unitId, CancellationToken ct)
    {
        if (unitId is { } id)
        {
            return await orgs.FindUnscopedAsync(id, ct) is { Status: OrgUnitStatus.Active, CountyId: not null } unit ? unit : null;
        }

        var units = await UnitsAsync(ct);
        return units.FirstOrDefault(u => u.Level == OrgLevel.County) ?? (units.Count > 0 ? units[0] : null);
    }

    /// <summary>The active townships and villages of a county, for the portal's "my village" chooser (names only: public anyway).</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> UnitsOfCountyAsync(long countyId, CancellationToken ct) =>
        [.. (await UnitsAsync(ct)).Where(u => u.CountyId == countyId && u.Level is OrgLevel.Township or OrgLevel.Village)];

    /// <summary>The unit and every active unit under it (a village's board counts its own people; a county's, all of them).</summary>
    public async Task<IReadOnlyList<long>> SubtreeAsync(OrgUnitInfo unit, CancellationToken ct) =>
        [.. (await UnitsAsync(ct)).Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id)];

    /// <summary>Published activities of the unit and the units above it that have not ended (the portal's calendar and recruitment).</summary>
    public Task<IReadOnlyList<PublicActivityInfo>> UpcomingActivitiesAsync(OrgUnitInfo unit, int take, CancellationToken ct) =>
        cache.GetAsync(unit.CountyId, string.Create(CultureInfo.InvariantCulture, $"activities:{unit.Id}:{take}"), () =>
            activities.UpcomingPublicAsync([.. Chain(unit.Path)], clock.GetUtcNow().UtcDateTime, take, ct));

    private Task<IReadOnlyList<OrgUnitInfo>> UnitsAsync(CancellationToken ct) =>
        cache.GetAnyAsync("units", async () =>
        {
            using (scope.Unscoped(because: Why.PublicDisclosure))
            {
                return (IReadOnlyList<OrgUnitInfo>)[.. (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Status == OrgUnitStatus.Active).OrderBy(u => TreeOrder(u.Path), StringComparer.Ordinal)];
            }
        });

    /// <summary>A sort key that keeps the tree's order with ids of any length ("/1/2/4/" before "/1/2/12/").</summary>
    private static string TreeOrder(string path) => string.Join('/', Chain(path).Select(id => id.ToString("D12", CultureInfo.InvariantCulture)));

    public static string FileUrl(long articleId, long fileId) => string.Create(CultureInfo.InvariantCulture, $"/portal/articles/{articleId}/files/{fileId}");

    /// <summary>The unit and every unit above it, from its materialized path ("/1/5/9/").</summary>
    public static IReadOnlyList<long> Chain(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture))];

    private async Task<Article?> LiveAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Article>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now), ct);
    }

    private async Task<Dictionary<long, string>> NamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        foreach (var id in ids.Distinct())
        {
            names[id] = (await orgs.FindUnscopedAsync(id, ct))?.Name ?? "";
        }

        return names;
    }

    private static PublicArticleDto ToPublic(Article a, string unit) =>
        new(a.Id, a.OrgUnitId, unit, a.Kind, ContentLabels.Kind(a.Kind), a.Title, a.Summary, a.Pinned, Platform.Localization.Text.ToChinaTime(a.PublishedAt ?? a.CreatedAt),
            a.CoverFileId is { } cover ? FileUrl(a.Id, cover) : null);

    /// <summary>A cacheable "maybe": the cache keeps a found article and a missing one alike.</summary>
    private sealed record Box<T>(T? Value)
        where T : class;
}
