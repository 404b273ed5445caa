using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Statistics;

/// <summary>
/// 数据大屏: the county's figures on the hall's 1920×1080 screen, dark, reloading itself every few minutes,
/// opened by the county's secret link without signing in (ADR 0041). Aggregates only: no person, no name.
/// </summary>
[AllowAnonymous]
public sealed class ScreenModel(ScreenKeys keys, StatisticsQueries stats, TimeProvider clock) : AppPageModel
{
    public const int RefreshSeconds = 300;

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    public OverviewDto Overview { get; private set; } = null!;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<TrendPointDto> HoursTrend { get; private set; } = [];

    public IReadOnlyList<TrendPointDto> OrdersTrend { get; private set; } = [];

    public IReadOnlyList<RankingItemDto> Ranking { get; private set; } = [];

    /// <summary>The map panel's sites (hours this month as the colour) and townships' outlines, for wwwroot/js/stats-map.js.</summary>
    public string MapSitesJson { get; private set; } = "[]";

    public string MapOutlinesJson { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var overview = await keys.PublicOverviewAsync(Key, UnitId, ct);
        if (!overview.IsSuccess)
        {
            if (overview.Error!.Kind == ErrorKind.Unauthorized)
            {
                var page = Partial("_NotFound");
                page.StatusCode = StatusCodes.Status401Unauthorized;
                return page;
            }

            return NotFoundPage();
        }

        Overview = overview.Value;
        HoursTrend = await keys.PublicTrendAsync(Overview.OrgUnitId, "hours", ct);
        OrdersTrend = await keys.PublicTrendAsync(Overview.OrgUnitId, "ordersCompleted", ct);
        var ranking = await stats.RankingOfVisibleAsync(new StatsRequest { OrgUnitId = Overview.OrgUnitId, Indicator = "hours" }, ct);
        Ranking = ranking.IsSuccess ? ranking.Value : [];
        var map = await keys.PublicMapAsync(Key, Overview.OrgUnitId, null, ct);
        if (map.IsSuccess)
        {
            var colours = MapModel.ValueColours(map.Value);
            var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            // No drill-down link: the screen's visitors are not signed in, and the statistics pages need a sign-in.
            MapSitesJson = JsonSerializer.Serialize(map.Value.Units.Select(u => new
            {
                id = u.OrgUnitId,
                name = u.Name,
                lat = u.Latitude,
                lng = u.Longitude,
                level = u.Level,
                colour = colours.GetValueOrDefault(u.OrgUnitId, MapModel.NoValue),
                lines = new[] { MapModel.LevelLabel(u), Text.Get("Statistics.map.value_line", map.Value.IndicatorLabel, MonthlyReport.Figure(u.Value, map.Value.Percent)) },
            }), web);
            MapOutlinesJson = JsonSerializer.Serialize(map.Value.Outlines.Select(o => new { name = o.Name, outline = o.Outline }), web);
        }

        return Page();
    }
}
