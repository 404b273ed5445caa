using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Statistics;

/// <summary>
/// 地图: the subtree's sites on a map (Leaflet, served by the platform), coloured by an indicator or by light, with the
/// same numbers in a table beside it and the units without coordinates listed apart. Without a tile server
/// (<c>Map:TileUrl</c>, empty by default: deployments are offline) the sites are drawn on a plain background with a
/// graticule, a scale and the townships' outlines; with one, its host is added to this page's img-src and nowhere else.
/// </summary>
[Authorize]
public sealed class MapModel(SiteMap siteMap, StatisticsQueries stats, IConfiguration configuration) : AppPageModel
{
    /// <summary>Light to pale to dark: darker is a higher value among the units of the same level.</summary>
    public static readonly string[] Scale = ["#fee5d9", "#fcbba1", "#fc9272", "#ef3b2c", "#a50f15"];

    public const string NoValue = "#bdbdbd";

    public static readonly IReadOnlyDictionary<string, string> LightColours = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["red"] = "#e53935",
        ["yellow"] = "#fdd835",
        ["blue"] = "#1e88e5",
        ["green"] = "#43a047",
        ["none"] = NoValue,
    };

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    /// <summary>"light" colours by light, anything else by the indicator.</summary>
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public bool ByLight => By == "light";

    public MapDto Map { get; private set; } = null!;

    public IReadOnlyList<IndicatorInfo> Indicators => stats.Indicators;

    public string? TileUrl { get; private set; }

    public string? TileAttribution { get; private set; }

    /// <summary>The sites for the script: position, colour, label and the popup's lines, all texts from the resx.</summary>
    public string SitesJson { get; private set; } = "[]";

    public string OutlinesJson { get; private set; } = "[]";

    private Dictionary<long, string> _colours = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (stats.CheckRole() is not null)
        {
            return Forbid();
        }

        var request = new StatsRequest { OrgUnitId = UnitId, From = From, To = To, Indicator = Indicator };
        var map = await siteMap.MapAsync(request, ct);
        if (!map.IsSuccess)
        {
            if (Refuse(map.Error!, prefix: "") is { } refused)
            {
                return refused;
            }

            // Bad dates or indicator: messages shown, and this month's hours drawn, so the page still says something.
            map = await siteMap.MapAsync(request with { From = null, To = null, Indicator = null }, ct);
            if (!map.IsSuccess)
            {
                return NotFoundPage();
            }
        }

        Map = map.Value;
        _colours = ByLight ? Map.Units.Concat(Map.Unplaced).ToDictionary(u => u.OrgUnitId, u => LightColours[u.Light]) : ValueColours(Map);
        TileUrl = configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null;
        TileAttribution = configuration["Map:TileAttribution"];
        if (TileOrigin(TileUrl) is { } origin)
        {
            // The one page that shows tiles may load them from the configured host; every other page keeps img-src 'self'.
            Response.Headers.ContentSecurityPolicy = SecurityHeaders.PagePolicy.Replace("img-src 'self' data:", "img-src 'self' data: " + origin, StringComparison.Ordinal);
        }

        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SitesJson = JsonSerializer.Serialize(Map.Units.Select(u => new
        {
            id = u.OrgUnitId,
            name = u.Name,
            lat = u.Latitude,
            lng = u.Longitude,
            level = u.Level,
            colour = Colour(u),
            lines = new[]
            {
                LevelLabel(u),
                Text.Get("Statistics.map.value_line", Map.IndicatorLabel, Format(u.Value)),
                Text.Get("Statistics.map.light_line", LightLabel(u.Light), LightCounts(u)),
            },
            href = DrillDown(u.OrgUnitId),
        }), web);
        OutlinesJson = JsonSerializer.Serialize(Map.Outlines.Select(o => new { name = o.Name, outline = o.Outline }), web);
        return Page();
    }

    public string Colour(MapUnitDto unit) => _colours.GetValueOrDefault(unit.OrgUnitId, NoValue);

    public string Format(decimal? value) => MonthlyReport.Figure(value, Map.Percent);

    public static string LevelLabel(MapUnitDto unit) => Labels.Level(Enum.Parse<OrgLevel>(unit.Level));

    public static string LightLabel(string light) => light switch
    {
        "red" => Text.Get("Statistics.map.light_red"),
        "yellow" => Text.Get("Statistics.map.light_yellow"),
        "blue" => Text.Get("Statistics.map.light_blue"),
        "green" => Text.Get("Statistics.map.light_green"),
        _ => Text.Get("Statistics.map.light_none"),
    };

    public static string LightCounts(MapUnitDto unit) =>
        Text.Get("Statistics.map.light_counts", MonthlyReport.Number(unit.Lights.Green), MonthlyReport.Number(unit.Lights.Blue),
            MonthlyReport.Number(unit.Lights.Yellow), MonthlyReport.Number(unit.Lights.Red));

    public string DrillDown(long unitId) =>
        Url.Page("/Statistics/Index", new
        {
            unit = unitId,
            from = Map.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = Map.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            indicator = Map.Indicator,
        })!;

    /// <summary>
    /// Each unit against the highest of its own level: a county's sum would dwarf every village on one scale. Five
    /// steps of a fifth of that highest value each; no value (a ratio with nothing to divide) is grey.
    /// </summary>
    public static Dictionary<long, string> ValueColours(MapDto map)
    {
        var all = map.Units.Concat(map.Unplaced).ToList();
        var top = all.GroupBy(u => u.Level).ToDictionary(g => g.Key, g => g.Max(u => u.Value ?? 0));
        return all.ToDictionary(u => u.OrgUnitId, u => u.Value is not { } v ? NoValue
            : top[u.Level] <= 0 ? Scale[0]
            : Scale[Math.Clamp((int)Math.Ceiling(v / top[u.Level] * Scale.Length) - 1, 0, Scale.Length - 1)]);
    }

    /// <summary>The CSP source of a tile URL template: "https://{s}.tiles.example/{z}/{x}/{y}.png" → "https://*.tiles.example".</summary>
    public static string? TileOrigin(string? template)
    {
        if (template is null)
        {
            return null;
        }

        var scheme = template.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null; // A path on this host: 'self' already allows it.
        }

        var end = template.IndexOf('/', scheme + 3);
        var origin = end < 0 ? template : template[..end];
        return origin.Replace("{s}", "*", StringComparison.Ordinal);
    }
}
