using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>Residents order and follow, leaders take orders, admins and supervisors watch the board.</summary>
public sealed class OrdersNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Orders", "Orders.nav.board", "/orders/board", 110, NavAudience.IsOverseer, ["/orders"]) { Group = NavGroups.Activities },
        new("Orders", "Orders.nav.inbox", "/orders/inbox", 110, a => !NavAudience.IsOverseer(a) && a.Has(Role.TeamLeader), ["/orders"]) { Group = NavGroups.Activities },
        new("Orders", "Orders.nav.mine", "/orders/mine", 110, a => !NavAudience.IsOverseer(a) && !a.Has(Role.TeamLeader), ["/orders"]) { Group = NavGroups.Activities },
    ];
}
