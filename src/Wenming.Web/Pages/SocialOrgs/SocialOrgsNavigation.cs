using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.SocialOrgs;

/// <summary>Social organisations: registered and paired by the county-level admins, read by the supervisor.</summary>
public sealed class SocialOrgsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("SocialOrgs", "Shell.nav.social_orgs", "/social-orgs", 40,
            a => a.Has(Role.SystemAdmin) || a.Has(Role.CenterAdmin) || a.Has(Role.InstituteAdmin) || a.Has(Role.Supervisor), ["/social-orgs"])
        { Group = NavGroups.Organization },
    ];
}
