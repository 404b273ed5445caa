using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>
/// Admins manage volunteers, admins and team leaders teams; people see their own volunteer record
/// (or apply). Service records belong to the volunteers section; a certificate download under
/// /volunteers/ does not.
/// </summary>
public sealed class VolunteersNavigation : INavigationContributor
{
    private static readonly string[] Section = ["/volunteers", "/service-records"];
    private static readonly string[] NotSection = ["/volunteers/*/certificate"];

    public IEnumerable<NavEntry> Entries =>
    [
        new("Volunteers", "Shell.nav.volunteers", "/volunteers", 60, a => a.IsAdmin, Section, NotSection) { Group = NavGroups.Volunteering },
        new("Volunteers", "Shell.nav.teams", "/teams", 70, a => a.IsAdmin || a.Has(Role.TeamLeader), ["/teams"]) { Group = NavGroups.Volunteering },
        new("Volunteers", "Shell.nav.vol_mine", "/volunteers/me", 100, a => NavAudience.IsPersonal(a) && IsVolunteer(a), Section, NotSection) { Group = NavGroups.Volunteering },
        new("Volunteers", "Shell.nav.vol_apply", "/volunteers/me", 100, a => NavAudience.IsPersonal(a) && !IsVolunteer(a), Section, NotSection) { Group = NavGroups.Volunteering },
    ];

    private static bool IsVolunteer(CurrentActor a) => a.Has(Role.Volunteer) || a.Has(Role.TeamLeader);
}
