using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// 联系点 for the county leaders (supervisors and center admins) who log visits; 包镇联村's overview and 阵地标准 for every
/// overseer (a township sees its units, a station its own site). After the audit log (150): the orders between 140 and
/// 150 are taken, and a tie would leave the menu's order to chance.
/// </summary>
public sealed class FieldworkNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Fieldwork", "Fieldwork.nav.mine", "/fieldwork/mine", 151, a => LeaderLinksHandler.LeaderRoles.Any(a.Has), ["/fieldwork/mine", "/fieldwork/visits"]) { Group = NavGroups.Oversight },
        new("Fieldwork", "Fieldwork.nav.leaders", "/fieldwork/leaders", 152, NavAudience.IsOverseer, ["/fieldwork/leaders"]) { Group = NavGroups.Oversight },
        new("Fieldwork", "Fieldwork.nav.sites", "/sites", 153, NavAudience.IsOverseer, ["/sites"]) { Group = NavGroups.Oversight },
    ];
}
