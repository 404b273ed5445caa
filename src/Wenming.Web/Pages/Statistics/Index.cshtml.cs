using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Statistics;

/// <summary>
/// 统计: a unit's subtree for a period against the period before, 12-month trends, the units one level down ranked
/// by an indicator (each a link one level deeper), and the monthly report. Bad dates re-show the page with the
/// messages and this month's figures.
/// </summary>
[Authorize]
public sealed class IndexModel(StatisticsQueries stats, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    /// <summary>The trends drawn on the page.</summary>
    public static readonly string[] TrendKeys = ["hours", "activities", "ordersCompleted", "volunteersActive"];

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    public OverviewDto Overview { get; private set; } = null!;

    public IReadOnlyList<RankingItemDto> Ranking { get; private set; } = [];

    public IReadOnlyList<IndicatorInfo> Indicators => stats.Indicators;

    public string RankedBy { get; private set; } = "hours";

    public IReadOnlyList<(string Label, IReadOnlyList<TrendPointDto> Points)> Trends { get; private set; } = [];

    public IReadOnlyList<OrgUnitInfo> Crumbs { get; private set; } = [];

    /// <summary>
    /// The county whose data screen link the page offers: the one the shown unit lies in, for center and system
    /// admins; none above the counties (a system admin looking at the city), where there is no screen to open.
    /// </summary>
    public long? ScreenCountyId => (actor.Has(Role.CenterAdmin) || actor.IsSystemAdmin) && Crumbs.Count > 0 ? Crumbs[^1].CountyId : null;

    public DateOnly Today => stats.Today;

    /// <summary>
    /// 月报 as Excel or PDF for what the page shows. The page's own handler, not a link to /api/v1/stats/report: the
    /// API takes bearer tokens only, so a signed-in person following that link got 401.
    /// </summary>
    public async Task<IActionResult> OnGetReportAsync(string? format, [FromServices] MonthlyReport report, CancellationToken ct)
    {
        var file = await report.BuildAsync(new StatsRequest { OrgUnitId = UnitId, From = From, To = To }, format, ct);
        if (file.IsSuccess)
        {
            return File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
        }

        return Refuse(file.Error!, prefix: "") ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (stats.CheckRole() is not null)
        {
            return Forbid();
        }

        RankedBy = stats.Indicators.Any(i => i.Key == Indicator) ? Indicator! : "hours";
        var request = new StatsRequest { OrgUnitId = UnitId, From = From, To = To, Indicator = RankedBy };
        var overview = await stats.OverviewAsync(request, ct);
        if (!overview.IsSuccess)
        {
            if (Refuse(overview.Error!, prefix: "") is { } refused)
            {
                return refused;
            }

            // The dates were refused (messages shown): fall back to this month, so the page still says something.
            request = request with { From = null, To = null };
            overview = await stats.OverviewAsync(request, ct);
            if (!overview.IsSuccess)
            {
                return NotFoundPage();
            }
        }

        Overview = overview.Value;
        var unit = request with { OrgUnitId = Overview.OrgUnitId };
        if (Enum.Parse<OrgLevel>(Overview.Level) < OrgLevel.Point)
        {
            var ranking = await stats.RankingAsync(unit, ct);
            Ranking = ranking.IsSuccess ? ranking.Value : [];
        }

        var trends = new List<(string, IReadOnlyList<TrendPointDto>)>();
        foreach (var key in TrendKeys.Where(k => stats.Indicators.Any(i => i.Key == k)))
        {
            var trend = await stats.TrendAsync(unit with { Indicator = key, Months = "12" }, ct);
            trends.Add((Overview.Indicators.Single(i => i.Key == key).Label, trend.IsSuccess ? trend.Value : []));
        }

        Trends = trends;
        Crumbs = await CrumbsAsync(Overview.OrgUnitId, ct);
        return Page();
    }

    /// <summary>The way up from the unit to the highest one the caller sees, for the drill-down's way back.</summary>
    private async Task<IReadOnlyList<OrgUnitInfo>> CrumbsAsync(long unitId, CancellationToken ct)
    {
        var path = new List<OrgUnitInfo>();
        for (long? id = unitId; id is { } current && await orgs.FindAsync(current, ct) is { } unit; id = unit.ParentId)
        {
            path.Insert(0, unit);
        }

        return path;
    }

    public Dictionary<string, string?> Query(long? unit = null, string? from = null, string? to = null, string? indicator = null) => new()
    {
        ["unit"] = (unit ?? Overview.OrgUnitId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = from ?? Overview.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = to ?? Overview.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["indicator"] = indicator ?? RankedBy,
    };
}
