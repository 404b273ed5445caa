using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Activities;

/// <summary>Admins manage activities; people with a person record find the ones near them and list their own (我的活动).</summary>
public sealed class ActivitiesNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Activities", "Shell.nav.activities", "/activities", 80, a => a.IsAdmin, ["/activities"]) { Group = NavGroups.Activities },
        new("Activities", "Shell.nav.activities_nearby", "/activities/nearby", 90, NavAudience.IsPersonal, ["/activities"], ["/activities/mine"]) { Group = NavGroups.Activities },
        new("Activities", "Activities.mine.title", "/activities/mine", 91, NavAudience.IsPersonal, ["/activities/mine"]) { Group = NavGroups.Activities },
    ];
}
