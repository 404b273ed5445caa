using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Statistics;

/// <summary>
/// A station admin's own village this month on their home page: a few cards and the way to the full overview.
/// One line on the home page shows it; other roles get nothing (they have 统计 in the menu).
/// </summary>
public sealed class UnitStatsViewComponent(StatisticsQueries stats, CurrentActor actor) : ViewComponent
{
    public static readonly string[] Shown = ["volunteersActive", "hours", "activities", "ordersSubmitted", "ordersCompleted", "lightsRed"];

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!actor.Has(Role.StationAdmin) || actor.OrgUnitId is null)
        {
            return Content("");
        }

        var overview = await stats.OverviewAsync(new StatsRequest { OrgUnitId = actor.OrgUnitId }, HttpContext.RequestAborted);
        return overview.IsSuccess ? View("/Pages/Statistics/_UnitStats.cshtml", overview.Value) : Content("");
    }
}
