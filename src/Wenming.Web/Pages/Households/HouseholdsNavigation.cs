using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>Overseers keep the households; admins also follow the 十必联 events; a person sees 我的家庭 (and, from the home card, the households they keep in touch with).</summary>
public sealed class HouseholdsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Households", "Households.nav.households", "/households", 146, NavAudience.IsOverseer, ["/households"]) { Group = NavGroups.Community },
        new("Households", "Households.nav.events", "/households/events", 147, a => a.IsAdmin, ["/households"]) { Group = NavGroups.Community },
        new("Households", "Households.nav.mine", "/households/mine", 146, NavAudience.IsPersonal, ["/households"]) { Group = NavGroups.Community },
        new("Households", "Households.nav.contacted", "/households/contacted", 147, a => NavAudience.IsPersonal(a) && !a.Has(Role.Resident), ["/households"]) { Group = NavGroups.Community },
    ];
}
