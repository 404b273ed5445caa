using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.People;

/// <summary>The people register, for overseers.</summary>
public sealed class PeopleNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("People", "Shell.nav.people", "/people", 30, NavAudience.IsOverseer, ["/people"]) { Group = NavGroups.Organization },
    ];
}
