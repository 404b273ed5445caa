using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Venues;

/// <summary>Admins and supervisors open the county's venues (to book, approve, see the use).</summary>
public sealed class VenuesNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Venues", "Venues.nav.venues", "/venues", 148, NavAudience.IsOverseer, ["/venues"]) { Group = NavGroups.Activities },
    ];
}
