using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Accounts;

/// <summary>
/// 忘记密码: the request (the same answer whatever exists), then, where a text-message gateway is configured,
/// the code and a new password. Without a gateway the station resets the password.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignUpEndpoints.Policy)]
public sealed class ForgotModel(ForgotPasswordHandler handler) : AppPageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public string? Received { get; private set; }

    /// <summary>Show the code form: a code may have been sent.</summary>
    public bool AskCode { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Page();
        }

        var result = await handler.RequestAsync(new ForgotPasswordRequest(Input.Login), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Page();
        }

        Received = result.Value.Message;
        AskCode = result.Value.CodeMayBeSent;
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        AskCode = true;
        if (BindingFailed())
        {
            return Reshow();
        }

        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", Text.Get("Accounts.password.mismatch"));
            return Reshow();
        }

        var result = await handler.ResetWithCodeAsync(new ResetWithCodeRequest(Input.Login, Input.Code, Input.NewPassword), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Reshow();
        }

        Notice = Text.Get("Accounts.forgot.done");
        return Redirect("/account/login");
    }

    private PageResult Reshow()
    {
        Input.NewPassword = null;
        Input.ConfirmPassword = null;
        return Page();
    }
}

public sealed class ForgotInput
{
    public string? Login { get; set; }

    public string? Code { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}
