using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Modules.Accounts.Features.OwnPassword;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Accounts;

/// <summary>
/// 我的 → 修改密码. After the change this browser gets a new cookie with the new stamp, so the person stays
/// signed in here while every other device and token is signed out (ADR 0037).
/// </summary>
public sealed class OwnPasswordModel(ChangeOwnPasswordHandler change) : AppPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Reshow();
        }

        // A typing slip is caught here, before the current password is checked (and counted if wrong).
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", Text.Get("Accounts.password.mismatch"));
            return Reshow();
        }

        var result = await change.HandleAsync(new ChangeOwnPasswordRequest(Input.CurrentPassword, Input.NewPassword), HttpContext.Connection.RemoteIpAddress, ct);
        if (!result.IsSuccess)
        {
            if (result.Error is TooManyAttemptsError wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = wait.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Refuse(result.Error!) ?? Reshow();
        }

        var principal = SignInService.CreatePrincipal(result.Value, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        Notice = Text.Get("Accounts.password.changed");
        return Redirect("/me");
    }

    /// <summary>Passwords are never sent back into the page.</summary>
    private PageResult Reshow()
    {
        Input = new PasswordInput();
        return Page();
    }
}

public sealed class PasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}
