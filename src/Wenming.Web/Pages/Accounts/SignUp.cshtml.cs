using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Accounts;

/// <summary>
/// 居民注册, from the portal on a phone: the same handler as <c>POST /api/v1/public/registrations</c>, the same
/// answer whatever exists, and the same per-address limit.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignUpEndpoints.Policy)]
public sealed class SignUpModel(SignUpHandler handler) : AppPageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public IReadOnlyList<OrgUnitInfo> Villages { get; private set; } = [];

    public string? Received { get; private set; }

    public async Task OnGetAsync(long? unit, CancellationToken ct)
    {
        Input.OrgUnitId = unit;
        Villages = await handler.VillagesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Villages = await handler.VillagesAsync(ct);
        if (BindingFailed())
        {
            return Reshow();
        }

        if (!string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", Text.Get("Accounts.password.mismatch"));
            return Reshow();
        }

        var result = await handler.HandleAsync(new SignUpRequest(Input.Name, Input.IdNumber, Input.Phone, Input.OrgUnitId, Input.Password), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Reshow();
        }

        Received = result.Value.Message;
        Input = new SignUpInput { OrgUnitId = Input.OrgUnitId };
        return Page();
    }

    /// <summary>Passwords are never sent back into the page.</summary>
    private PageResult Reshow()
    {
        Input.Password = null;
        Input.ConfirmPassword = null;
        return Page();
    }
}

public sealed class SignUpInput
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public long? OrgUnitId { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
