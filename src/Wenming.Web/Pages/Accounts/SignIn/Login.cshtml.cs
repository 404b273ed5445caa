using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Accounts.SignIn;

/// <summary>Sign-in with user name or mobile number; the same check (and per-address throttle, ADR 0019) as the API's token endpoint.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInService signIn) : AppPageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.CheckAsync(Login, Password, HttpContext.Connection.RemoteIpAddress, ct);
        if (!result.IsSuccess)
        {
            ErrorMessage = result.Error!.Message;
            if (result.Error is TooManyAttemptsError wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = wait.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // Never send the password back into the page.
            Password = null;
            return Page();
        }

        var principal = SignInService.CreatePrincipal(result.Value, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(SafeReturnUrl());
    }

    /// <summary>Only a path of this site: an open redirect would let a phishing link borrow the platform's name.</summary>
    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
