using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Supervision;

/// <summary>Admins (who assign or answer tasks, report and sign for reports) and supervisors (who urge and comment) see 督办 and 信息报送.</summary>
public sealed class SupervisionNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Supervision", "Supervision.nav.tasks", "/supervision/tasks", 140, NavAudience.IsOverseer, ["/supervision/tasks"]) { Group = NavGroups.Oversight },
        new("Supervision", "Supervision.nav.reports", "/supervision/reports", 141, NavAudience.IsOverseer, ["/supervision/reports"]) { Group = NavGroups.Oversight },
    ];
}
