using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;

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
        var ranking = await stats.RankingOfVisibleAsync(new StatsRequest(Overview.OrgUnitId, Indicator: "hours"), ct);
        Ranking = ranking.IsSuccess ? ranking.Value : [];
        return Page();
    }
}
