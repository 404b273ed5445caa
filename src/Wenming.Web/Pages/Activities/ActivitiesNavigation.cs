using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Activities;

/// <summary>Admins manage activities; people with a person record find the ones near them.</summary>
public sealed class ActivitiesNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Activities", "Shell.nav.activities", "/activities", 80, a => a.IsAdmin, ["/activities"]),
        new("Activities", "Shell.nav.activities_nearby", "/activities/nearby", 90, NavAudience.IsPersonal, ["/activities"]),
    ];
}
