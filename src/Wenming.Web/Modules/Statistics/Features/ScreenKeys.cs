using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Statistics.Features;

public sealed record ScreenKeyDto(long CountyId, string Key, string ScreenPath, DateTimeOffset UpdatedAt);

/// <summary>
/// The secret link of a county's public data screen (ADR 0041): one random key per county, kept as a platform
/// setting (<c>stats-screen-key:{countyId}</c>), shown to the county's center admins, who can replace it when the
/// link has gone where it should not. A caller with the key reads that county's aggregates without signing in.
/// </summary>
public sealed class ScreenKeys(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, OrgScope scope, StatisticsQueries stats, SiteMap siteMap, TimeProvider clock)
{
    /// <summary>The audit log's entity type of a key rotation (the county's id as the entity id).</summary>
    public const string ScreenKeyEntity = "ScreenKey";

    private const string Prefix = "stats-screen-key:";

    /// <summary>
    /// The key of a county's screen: a center admin's own county by default; a system admin, above every county, names
    /// the county (<paramref name="countyId"/>). A county outside the caller's scope is not found.
    /// </summary>
    public async Task<Result<ScreenKeyDto>> GetAsync(long? countyId, bool rotate, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        if ((countyId ?? actor.CountyId) is not { } id)
        {
            return Error.Field("countyId", "stats.county_required");
        }

        if (await orgs.FindAsync(id, ct) is not { Level: OrgLevel.County } county)
        {
            return Error.NotFound("org.not_found");
        }

        var name = Prefix + county.Id;
        var setting = await db.Set<PlatformSetting>().SingleOrDefaultAsync(s => s.Name == name, ct);
        if (setting is null)
        {
            setting = PlatformSetting.Create(name, NewKey(), clock.GetUtcNow().UtcDateTime);
            db.Add(setting);
            await db.SaveChangesAsync(ct);
        }
        else if (rotate)
        {
            setting.Replace(NewKey(), clock.GetUtcNow().UtcDateTime);
            // Platform settings are not audited by themselves: a replaced screen link is a security event, so the
            // log says who replaced which county's key and when — never the key, which would reopen the old link's leak.
            db.AuditDirectWrite(AuditAction.Updated, ScreenKeyEntity, county.Id, county.Id, new Dictionary<string, object?> { ["Rotated"] = true });
            await db.SaveChangesAsync(ct);
        }

        return new ScreenKeyDto(county.Id, setting.Value, ScreenPath(setting.Value), new DateTimeOffset(DateTime.SpecifyKind(setting.UpdatedAt, DateTimeKind.Utc)));
    }

    public static string ScreenPath(string key) => "/stats/screen?key=" + Uri.EscapeDataString(key);

    /// <summary>
    /// The public overview: the key names a county; the unit (the county by default) must lie in it. The request's
    /// scope is narrowed to that county (never lifted), so every indicator reads exactly as for a signed-in county
    /// admin. 401 without a valid key, 404 for a unit outside the key's county.
    /// </summary>
    public async Task<Result<OverviewDto>> PublicOverviewAsync(string? key, long? orgUnitId, CancellationToken ct)
    {
        var opened = await OpenAsync(key, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var county = opened.Value;
        var today = stats.Today;
        var window = new IndicatorWindow(new DateOnly(today.Year, today.Month, 1), today, clock.GetUtcNow().UtcDateTime);
        return await stats.OverviewOfVisibleAsync(orgUnitId ?? county.Id, window, ct);
    }

    /// <summary>
    /// The map of the public data screen (ADR 0056): the key's county (or a unit in it), this month, coloured by the
    /// indicator asked (hours by default). The same <see cref="SiteMap"/> figures a signed-in county admin sees —
    /// unit names, coordinates and aggregates, no person. 401 without a valid key, 404 for a unit outside the county.
    /// </summary>
    public async Task<Result<MapDto>> PublicMapAsync(string? key, long? orgUnitId, string? indicator, CancellationToken ct)
    {
        var opened = await OpenAsync(key, ct);
        return opened.IsSuccess
            ? await siteMap.MapOfVisibleAsync(new StatsRequest { OrgUnitId = orgUnitId ?? opened.Value.Id, Indicator = indicator }, opened.Value.Id, ct)
            : opened.Error!;
    }

    /// <summary>The county a screen key opens; the request's scope is narrowed to it (never lifted) for what follows.</summary>
    private async Task<Result<OrgUnitInfo>> OpenAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            return Error.Of("stats.key_required", ErrorKind.Unauthorized);
        }

        var setting = await db.Set<PlatformSetting>().AsNoTracking()
            .Where(s => s.Name.StartsWith(Prefix) && s.Value == key).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (setting is null || !long.TryParse(setting.AsSpan(Prefix.Length), out var countyId)
            || await orgs.FindUnscopedAsync(countyId, ct) is not { } county)
        {
            return Error.Of("stats.key_invalid", ErrorKind.Unauthorized);
        }

        scope.RestrictTo(county.Path);
        return county;
    }

    /// <summary>The 12-month trend of one indicator for the public screen, after <see cref="PublicOverviewAsync"/> narrowed the scope.</summary>
    public async Task<List<TrendPointDto>> PublicTrendAsync(long unitId, string indicator, CancellationToken ct) =>
        await orgs.UnitIdsUnderAsync(unitId, ct) is { } unitIds ? await stats.TrendOfVisibleAsync(indicator, unitId, unitIds, 12, ct) : [];

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
