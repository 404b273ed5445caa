using System.Globalization;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>A published activity for anyone: <paramref name="Recruiting"/> while places are left and sign-up is open.</summary>
public sealed record PublicActivityDto(
    long Id, long OrgUnitId, string Unit, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int EnrolledCount, bool Recruiting);

/// <summary>An entry of the service menu (服务菜单): what a resident may order after signing in.</summary>
public sealed record PublicServiceDto(long Id, long OrgUnitId, string Unit, string Name, TeamCategory Category, string CategoryLabel, string? Description);

/// <summary>A line of the points notice (积分公示): the name masked (张*三), <c>kind</c> <c>Award</c> or <c>Deduction</c>.</summary>
public sealed record PublicPointsNoticeDto(
    long Id, string PersonName, long OrgUnitId, string Unit, long Points, PointKind Kind, string CategoryLabel, string Reason, bool InNotice, string StatusLabel,
    DateTimeOffset? ApprovedAt, DateTimeOffset? NoticeEndsAt);

/// <summary>A public points ranking of a unit's people (masked names).</summary>
public sealed record PublicRankingDto(long OrgUnitId, string Unit, IReadOnlyList<PublicRankingEntry> Items);

/// <summary>
/// The portal's sections besides articles (issue 16): upcoming activities and recruitment, the service menu, the points
/// notices and ranking. Each list is read for one unit — activities and services of the unit and the units above it
/// (what a villager may join or order), notices and ranking of the unit's subtree (its own people) — at most
/// <see cref="MaxItems"/> rows, kept in the <see cref="PortalCache"/> for its half-minute, and paged from there.
/// </summary>
public sealed class PortalSections(PublicArticlesHandler portal, IActivityDirectory activities, IServiceCatalogue services, IPublicPointsBoard points, PortalCache cache, TimeProvider clock)
{
    /// <summary>The longest list a section keeps: a portal shows the next weeks, not an archive.</summary>
    public const int MaxItems = 100;

    public async Task<Result<PageOf<PublicActivityDto>>> ActivitiesAsync(long? orgUnitId, bool recruitingOnly, int page, int pageSize, CancellationToken ct)
    {
        var unit = await UnitAsync(orgUnitId, page, pageSize, ct);
        if (!unit.IsSuccess)
        {
            return unit.Error!;
        }

        var all = await ActivitiesOfAsync(unit.Value, ct);
        return PageOf(recruitingOnly ? [.. all.Where(a => a.Recruiting)] : all, page, pageSize);
    }

    public async Task<Result<PageOf<PublicServiceDto>>> ServicesAsync(long? orgUnitId, int page, int pageSize, CancellationToken ct)
    {
        var unit = await UnitAsync(orgUnitId, page, pageSize, ct);
        return unit.IsSuccess ? PageOf(await ServicesOfAsync(unit.Value, ct), page, pageSize) : unit.Error!;
    }

    public async Task<Result<PageOf<PublicPointsNoticeDto>>> NoticesAsync(long? orgUnitId, int page, int pageSize, CancellationToken ct)
    {
        var unit = await UnitAsync(orgUnitId, page, pageSize, ct);
        return unit.IsSuccess ? PageOf(await NoticesOfAsync(unit.Value, ct), page, pageSize) : unit.Error!;
    }

    public async Task<Result<PublicRankingDto>> RankingAsync(long? orgUnitId, int top, CancellationToken ct)
    {
        if (top is < 1 or > MaxItems)
        {
            return Error.Field("top", "Content.error.top_range", MaxItems);
        }

        var unit = await UnitAsync(orgUnitId, 1, 20, ct);
        if (!unit.IsSuccess)
        {
            return unit.Error!;
        }

        var ranking = await RankingOfAsync(unit.Value, ct);
        return ranking with { Items = [.. ranking.Items.Take(top)] };
    }

    /// <summary>The upcoming published activities of a unit and the units above it, soonest first.</summary>
    public Task<IReadOnlyList<PublicActivityDto>> ActivitiesOfAsync(OrgUnitInfo unit, CancellationToken ct) =>
        cache.GetAsync(unit.CountyId, Key("activities", unit.Id), async () =>
        {
            var found = await activities.UpcomingPublicAsync([.. PublicArticlesHandler.Chain(unit.Path)], clock.GetUtcNow().UtcDateTime, MaxItems, ct);
            var names = await NamesAsync(found.Select(a => a.OrgUnitId), ct);
            return (IReadOnlyList<PublicActivityDto>)[.. found.Select(a => new PublicActivityDto(
                a.Id, a.OrgUnitId, names[a.OrgUnitId], a.Title, a.Place, Text.ToChinaTime(a.StartsAt), Text.ToChinaTime(a.EndsAt), a.Capacity, a.EnrolledCount, a.Recruiting))];
        });

    /// <summary>The service menu of a unit: the active catalogue items of the unit and the units above it.</summary>
    public Task<IReadOnlyList<PublicServiceDto>> ServicesOfAsync(OrgUnitInfo unit, CancellationToken ct) =>
        cache.GetAsync(unit.CountyId, Key("services", unit.Id), async () =>
        {
            var found = await services.PublicItemsAsync([.. PublicArticlesHandler.Chain(unit.Path)], MaxItems, ct);
            var names = await NamesAsync(found.Select(i => i.OrgUnitId), ct);
            return (IReadOnlyList<PublicServiceDto>)[.. found.Select(i => new PublicServiceDto(
                i.Id, i.OrgUnitId, names[i.OrgUnitId], i.Name, i.Category, TeamCategories.Label(i.Category), i.Description))];
        });

    /// <summary>The points notices of the unit's subtree (masked names), those still in their notice first.</summary>
    public Task<IReadOnlyList<PublicPointsNoticeDto>> NoticesOfAsync(OrgUnitInfo unit, CancellationToken ct) =>
        cache.GetAsync(unit.CountyId, Key("notices", unit.Id), async () =>
        {
            var found = await points.NoticesAsync(await portal.SubtreeAsync(unit, ct), clock.GetUtcNow().UtcDateTime, MaxItems, ct);
            var names = await NamesAsync(found.Select(n => n.OrgUnitId), ct);
            return (IReadOnlyList<PublicPointsNoticeDto>)[.. found.Select(n => new PublicPointsNoticeDto(
                n.Id, n.PersonName, n.OrgUnitId, names[n.OrgUnitId], n.Points, n.Kind, n.CategoryLabel, n.Reason, n.InNotice, n.StatusLabel,
                n.DecidedAt is { } d ? Text.ToChinaTime(d) : null, n.NoticeEndsAt is { } e ? Text.ToChinaTime(e) : null))];
        });

    /// <summary>The unit's people by points earned (masked names), at most <see cref="MaxItems"/>.</summary>
    public Task<PublicRankingDto> RankingOfAsync(OrgUnitInfo unit, CancellationToken ct) =>
        cache.GetAsync(unit.CountyId, Key("ranking", unit.Id), async () =>
            new PublicRankingDto(unit.Id, unit.Name, await points.RankingAsync(await portal.SubtreeAsync(unit, ct), MaxItems, ct)));

    private async Task<Result<OrgUnitInfo>> UnitAsync(long? orgUnitId, int page, int pageSize, CancellationToken ct)
    {
        if (orgUnitId is not { } id)
        {
            return FieldErrors.Required("orgUnitId", "Content.field.portalUnit");
        }

        if (new PageRequest { Page = page, PageSize = pageSize }.Check() is { } bad)
        {
            return bad;
        }

        return await portal.PortalUnitAsync(id, ct) is { } unit ? unit : Error.NotFound("org.not_found");
    }

    private static PageOf<T> PageOf<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        var paging = new PageRequest { Page = page, PageSize = pageSize };
        return new PageOf<T>([.. all.Skip(paging.Skip).Take(paging.SafePageSize)], paging.SafePage, paging.SafePageSize, all.Count);
    }

    private async Task<Dictionary<long, string>> NamesAsync(IEnumerable<long> unitIds, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        foreach (var id in unitIds.Distinct())
        {
            names[id] = (await portal.PortalUnitAsync(id, ct))?.Name ?? "";
        }

        return names;
    }

    private static string Key(string section, long unitId) => string.Create(CultureInfo.InvariantCulture, $"{section}:{unitId}");
}
