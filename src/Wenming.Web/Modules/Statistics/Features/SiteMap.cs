using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Statistics.Features;

/// <summary>The light counts of a unit's subtree: the overview's four light indicators, per unit.</summary>
public sealed record MapLights(decimal Green, decimal Blue, decimal Yellow, decimal Red);

/// <param name="Value">The chosen indicator for the unit's subtree, as the overview of that unit gives it.</param>
/// <param name="Light">The worst light in the unit's subtree: red, yellow, blue, green, or none (no order in the window).</param>
public sealed record MapUnitDto(
    long OrgUnitId, long? ParentId, string Name, string Level, double? Latitude, double? Longitude, decimal? Value, string Light, MapLights Lights);

/// <summary>A township's outline: the convex hull of its sites, [latitude, longitude] counter-clockwise.</summary>
public sealed record MapOutlineDto(long OrgUnitId, string Name, IReadOnlyList<double[]> Outline);

/// <param name="Units">The units of the subtree that have coordinates, in tree order.</param>
/// <param name="Unplaced">The units without coordinates (未标注位置), listed apart.</param>
public sealed record MapDto(
    long OrgUnitId, string Name, DateOnly From, DateOnly To, string Indicator, string IndicatorLabel, bool HigherIsBetter,
    IReadOnlyList<MapUnitDto> Units, IReadOnlyList<MapUnitDto> Unplaced, IReadOnlyList<MapOutlineDto> Outlines, bool Percent);

/// <summary>
/// The map of a subtree's sites (issue 12, ADR 0051): every active unit under the unit asked with its stored coordinates,
/// the chosen indicator and its light. The figures are the statistics' own (<see cref="StatisticsQueries.SubtreeTotalsAsync"/>:
/// the roll-ups' subtree totals, or each source asked once for the whole subtree and added up along the paths), so a
/// unit's value on the map is the value of its own overview. No other module's table is read here.
/// </summary>
public sealed class SiteMap(StatisticsQueries stats, IOrgDirectory orgs, CurrentActor actor)
{
    public const string DefaultIndicator = "hours";

    /// <summary>The light indicators, worst first: a unit's light is the first of these with a count.</summary>
    public static readonly (string Key, string Light)[] Lights =
        [("lightsRed", "red"), ("lightsYellow", "yellow"), ("lightsBlue", "blue"), ("lightsGreen", "green")];

    public async Task<Result<MapDto>> MapAsync(StatsRequest request, CancellationToken ct)
    {
        if (stats.CheckRole() is { } forbidden)
        {
            return forbidden;
        }

        return await MapOfVisibleAsync(request, actor.OrgUnitId, ct);
    }

    /// <summary>
    /// The map of the units the request's scope shows, without a role check: for <see cref="MapAsync"/> after its
    /// check, and for the public data screen after its key narrowed the scope to the key's county (ADR 0056).
    /// </summary>
    public async Task<Result<MapDto>> MapOfVisibleAsync(StatsRequest request, long? defaultUnitId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var window = stats.ParseWindow(request, errors);
        var key = stats.ParseIndicator(string.IsNullOrWhiteSpace(request.Indicator) ? DefaultIndicator : request.Indicator, errors);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        if ((request.OrgUnitId ?? defaultUnitId) is not { } unitId || await orgs.FindAsync(unitId, ct) is not { } root
            || await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
        {
            return Error.NotFound("org.not_found");
        }

        var visible = await orgs.VisibleUnitsAsync(ct);
        var units = visible
            .Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal) && (u.Status == OrgUnitStatus.Active || u.Id == root.Id))
            .OrderBy(u => TreeOrder(u.Path), StringComparer.Ordinal)
            .ToList();
        var values = await PerUnitAsync(key!, units, unitIds, window!, visible, ct);
        var lights = new Dictionary<string, Dictionary<long, decimal?>>(StringComparer.Ordinal);
        foreach (var (lightKey, _) in Lights.Where(l => stats.Offers(l.Key)))
        {
            lights[lightKey] = await PerUnitAsync(lightKey, units, unitIds, window!, visible, ct);
        }

        var locations = await orgs.LocationsAsync(ct);
        decimal L(string lightKey, long id) => lights.TryGetValue(lightKey, out var perUnit) ? perUnit[id] ?? 0 : 0;
        var placed = new List<MapUnitDto>();
        var unplaced = new List<MapUnitDto>();
        foreach (var unit in units)
        {
            var counts = new MapLights(L("lightsGreen", unit.Id), L("lightsBlue", unit.Id), L("lightsYellow", unit.Id), L("lightsRed", unit.Id));
            var light = Lights.FirstOrDefault(l => L(l.Key, unit.Id) > 0).Light ?? "none";
            var at = locations.TryGetValue(unit.Id, out var location) ? location : (OrgUnitLocation?)null;
            var dto = new MapUnitDto(unit.Id, unit.ParentId, unit.Name, unit.Level.ToString(), at?.Latitude, at?.Longitude, values[unit.Id], light, counts);
            (at is null ? unplaced : placed).Add(dto);
        }

        var outlines = new List<MapOutlineDto>();
        foreach (var township in units.Where(u => u.Level == OrgLevel.Township))
        {
            var hull = ConvexHull.Of(units
                .Where(u => u.Path.StartsWith(township.Path, StringComparison.Ordinal) && locations.ContainsKey(u.Id))
                .Select(u => locations[u.Id]));
            if (hull.Count >= 3)
            {
                outlines.Add(new MapOutlineDto(township.Id, township.Name, [.. hull.Select(p => new[] { p.Latitude, p.Longitude })]));
            }
        }

        var info = stats.Indicators.Single(i => i.Key == key);
        return new MapDto(root.Id, root.Name, window!.From, window.To, key!, Text.Get(info.LabelKey), info.HigherIsBetter, placed, unplaced, outlines, info.Percent);
    }

    /// <summary>"/1/2/10/" after "/1/2/9/": each unit under its parent, siblings in the order they were made.</summary>
    private static string TreeOrder(string path) =>
        string.Join('/', StatisticsQueries.AncestorsAndSelf(path).Select(id => id.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every unit's subtree total (from the roll-ups, or one query per source added up along the paths).</summary>
    private Task<Dictionary<long, decimal?>> PerUnitAsync(
        string key, List<OrgUnitInfo> units, IQueryable<long> unitIds, Platform.Indicators.IndicatorWindow window, IReadOnlyList<OrgUnitInfo> visible, CancellationToken ct) =>
        stats.SubtreeTotalsAsync(key, [.. units.Select(u => u.Id)], unitIds, window, ct, visible);
}

/// <summary>
/// The convex hull of points on the map (Andrew's monotone chain), longitude as x and latitude as y: over a county a
/// degree is a degree, and an outline only has to enclose a township's sites, not measure them. Counter-clockwise,
/// without repeated or collinear points; fewer than three distinct points come back as they are.
/// </summary>
public static class ConvexHull
{
    public static IReadOnlyList<OrgUnitLocation> Of(IEnumerable<OrgUnitLocation> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.Longitude).ThenBy(p => p.Latitude).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new OrgUnitLocation[sorted.Count * 2];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        for (int i = sorted.Count - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0)
            {
                k--;
            }

            hull[k++] = sorted[i];
        }

        // The last point is the first again.
        return hull[..(k - 1)];
    }

    private static double Cross(OrgUnitLocation o, OrgUnitLocation a, OrgUnitLocation b) =>
        ((a.Longitude - o.Longitude) * (b.Latitude - o.Latitude)) - ((a.Latitude - o.Latitude) * (b.Longitude - o.Longitude));
}
