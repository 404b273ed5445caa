using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages;

/// <summary>
/// What a person sees for an unknown address or a failure outside the API (the API answers problem
/// details instead): a page in the site's layout, in Chinese, with a way back.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var known = code is 400 or 403 or 404 or 429 ? code : 500;
        Title = Text.Get("problem.title." + known);
        Message = Text.Get(known switch
        {
            400 => "validation.malformed",
            403 => "common.forbidden",
            404 => "common.not_found",
            429 => "auth.rate_limited",
            _ => "common.server_error",
        });
    }
}
