using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Points;

/// <summary>Overseers read the ledger and the awards; people see their own points and the award notices.</summary>
public sealed class PointsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Points", "Points.nav.ledger", "/points/ledger", 120, NavAudience.IsOverseer, ["/points"]) { Group = NavGroups.Points },
        new("Points", "Points.nav.mine", "/points", 120, NavAudience.IsPersonal, ["/points"]) { Group = NavGroups.Points },
        new("Points", "Award.nav.awards", "/awards", 130, NavAudience.IsOverseer, ["/awards"]) { Group = NavGroups.Points },
        new("Points", "Award.nav.notices", "/awards/notices", 130, a => !NavAudience.IsOverseer(a), ["/awards"]) { Group = NavGroups.Points },
    ];
}
