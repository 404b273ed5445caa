using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// 联系点 for the county leaders (supervisors and center admins) who log visits; 包镇联村's overview and 阵地标准 for every
/// overseer (a township sees its units, a station its own site).
/// </summary>
public sealed class FieldworkNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Fieldwork", "Fieldwork.nav.mine", "/fieldwork/mine", 142, a => LeaderLinksHandler.LeaderRoles.Any(a.Has), ["/fieldwork/mine", "/fieldwork/visits"]),
        new("Fieldwork", "Fieldwork.nav.leaders", "/fieldwork/leaders", 143, NavAudience.IsOverseer, ["/fieldwork/leaders"]),
        new("Fieldwork", "Fieldwork.nav.sites", "/sites", 144, NavAudience.IsOverseer, ["/sites"]),
    ];
}
