using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Statistics;

/// <summary>统计: for those who steer (admins of every tier and supervisors), the same audience the API allows.</summary>
public sealed class StatisticsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Statistics", "Statistics.nav.overview", "/stats", 15, NavAudience.IsOverseer, ["/stats"], ["/stats/map"]) { Group = NavGroups.Data },
        new("Statistics", "Statistics.nav.map", "/stats/map", 16, NavAudience.IsOverseer, ["/stats/map"]) { Group = NavGroups.Data },
    ];
}
