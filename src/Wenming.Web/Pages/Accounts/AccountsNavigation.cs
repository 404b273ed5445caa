using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Accounts;

/// <summary>Accounts, for admins. The sign-in pages (/account/…) are not part of this section.</summary>
public sealed class AccountsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Accounts", "Shell.nav.accounts", "/accounts", 50, a => a.IsAdmin, ["/accounts"]),
    ];
}
