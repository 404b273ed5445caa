using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>Accounts, for admins. The sign-in pages (/account/…) are not part of this section.</summary>
public sealed class AccountsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Accounts", "Shell.nav.accounts", "/accounts", 50, a => a.IsAdmin, ["/accounts"], ["/accounts/sms-gateway"]),
        new("Accounts", "Accounts.sms.title", "/accounts/sms-gateway", 51, a => a.Has(Role.CenterAdmin) && a.CountyId is not null, ["/accounts/sms-gateway"]),
    ];
}
