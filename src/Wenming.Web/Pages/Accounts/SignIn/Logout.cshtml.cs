using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Accounts.SignIn;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link or image on another site cannot sign anyone out.</summary>
public sealed class LogoutModel : AppPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Accounts/SignIn/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Accounts/SignIn/Login");
    }
}
