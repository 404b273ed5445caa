using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Market;

/// <summary>Admins manage the goods; people with a person record shop.</summary>
public sealed class MarketNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Market", "Market.nav.manage", "/market/goods", 140, a => a.IsAdmin, ["/market"]) { Group = NavGroups.Points },
        new("Market", "Market.nav.shop", "/market", 140, a => !a.IsAdmin && a.PersonId is not null, ["/market"]) { Group = NavGroups.Points },
    ];
}
