using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>An admin's to-dos from the portal: residents who signed up and wait for confirmation, and forgotten passwords.</summary>
public sealed class AccountsHome(RegistrationsHandler registrations, PasswordResetsHandler resets, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated || !actor.IsAdmin)
        {
            return [];
        }

        var pending = await registrations.PendingCountAsync(ct);
        var open = await resets.OpenCountAsync(ct);
        return
        [
            new(Text.Get("Accounts.home.title"), 65,
            [
                new(Text.Get("Accounts.home.pending_registrations"), "/accounts/registrations", Count: pending, TestId: "todo-registrations"),
                new(Text.Get("Accounts.home.password_resets"), "/accounts/registrations#password-resets", Count: open, TestId: "todo-password-resets"),
            ], "home-registrations"),
        ];
    }
}
