using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Organization;

/// <summary>The org tree, for overseers.</summary>
public sealed class OrganizationNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Organization", "Shell.nav.org", "/org", 20, NavAudience.IsOverseer, ["/org"]) { Group = NavGroups.Organization },
    ];
}
