using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Supervision;

/// <summary>Admins (who assign or answer tasks) and supervisors (who urge and comment) see the 督办 list.</summary>
public sealed class SupervisionNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Supervision", "Supervision.nav.tasks", "/supervision/tasks", 140, NavAudience.IsOverseer, ["/supervision"]),
    ];
}
