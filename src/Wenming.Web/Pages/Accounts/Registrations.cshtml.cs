using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>
/// The station's work from the portal: residents' self-registrations to confirm or reject, and forgotten
/// passwords to reset (the same handlers as <c>/api/v1/registrations</c> and <c>/api/v1/password-resets</c>).
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class RegistrationsModel(RegistrationsHandler registrations, PasswordResetsHandler resets) : AppPageModel
{
    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Pending;

    public PageOf<RegistrationDto> Items { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<PasswordResetDto> Resets { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The row whose form is re-shown with messages.</summary>
    public long? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(RegistrationStatus? status, int p = 1, CancellationToken ct = default)
    {
        Status = status ?? RegistrationStatus.Pending;
        return await LoadAsync(p, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken ct)
    {
        var result = await registrations.ConfirmAsync(id, ct);
        if (!result.IsSuccess)
        {
            FailedId = id;
            return Refuse(result.Error!) ?? await LoadAsync(1, ct) ?? Page();
        }

        Notice = Text.Get("Accounts.registrations.confirmed", result.Value.Name, result.Value.Login);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct)
    {
        var result = await registrations.RejectAsync(id, new RejectRegistrationRequest(Reason), ct);
        if (!result.IsSuccess)
        {
            FailedId = id;
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(1, ct) ?? Page();
        }

        Notice = Text.Get("Accounts.registrations.rejected", result.Value.Name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken ct)
    {
        var result = await resets.ResetAsync(id, new ResetPasswordRequest(Password), ct);
        Password = null;
        if (!result.IsSuccess)
        {
            FailedId = id;
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(1, ct) ?? Page();
        }

        Notice = Text.Get("Accounts.registrations.reset_done", result.Value.DisplayName);
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(int page, CancellationToken ct)
    {
        var list = await registrations.ListAsync(Status, new PageRequest { Page = page, PageSize = 20 }, ct);
        if (!list.IsSuccess)
        {
            return Refuse(list.Error!);
        }

        Items = list.Value;
        var open = await resets.ListAsync(PasswordResetStatus.Open, new PageRequest { Page = 1, PageSize = 100 }, ct);
        Resets = open.IsSuccess ? open.Value.Items : [];
        return null;
    }
}
