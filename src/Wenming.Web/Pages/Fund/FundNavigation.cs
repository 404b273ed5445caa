using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fund;

/// <summary>Overseers open the fund (books, donations, projects); a team leader the projects they apply for.</summary>
public sealed class FundNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Fund", "Fund.nav.fund", "/fund", 145, NavAudience.IsOverseer, ["/fund"]) { Group = NavGroups.Community },
        new("Fund", "Fund.nav.projects", "/fund/projects", 145, a => !NavAudience.IsOverseer(a) && a.Has(Role.TeamLeader), ["/fund"]) { Group = NavGroups.Community },
    ];
}
