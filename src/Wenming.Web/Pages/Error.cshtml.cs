using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Platform.Http;
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
        // After an exception the page is shown at /error/500 with the status the failure deserves
        // (503 for a database outage, 413 for a body too large); the status then wins over the address.
        var status = Response.StatusCode is >= 400 and not 500 ? Response.StatusCode : code;
        var known = status is 400 or 403 or 404 or 413 or 429 or 503 ? status : 500;
        Title = Text.Get("problem.title." + known);
        Message = known switch
        {
            400 => Text.Get("validation.malformed"),
            403 => Text.Get("common.forbidden"),
            404 => Text.Get("common.not_found"),
            413 => RequestSizeLimit.TooLarge(HttpContext).Message,
            429 => Text.Get("auth.rate_limited"),
            503 => Text.Get("common.unavailable"),
            _ => Text.Get("common.server_error"),
        };
        if (known == 503)
        {
            Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
