using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Audit;

/// <summary>The audit log, for overseers.</summary>
public sealed class AuditNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Audit", "Shell.nav.audit", "/audit", 150, NavAudience.IsOverseer, ["/audit"]) { Group = NavGroups.System },
    ];
}
