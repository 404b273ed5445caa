namespace Wenming.Web.Platform.Http;

/// <summary>
/// Headers that tell the browser what the site will never need (ADR 0020): no framing, no guessing
/// of content types, no referrer beyond the origin to other sites (none at all from certificate
/// checks and check-in scans, whose addresses carry codes), no camera, microphone or location, and a
/// Content-Security-Policy that allows only the site's own scripts: the pages have no inline script
/// or event handler (site.js does what they did). Inline styles are still allowed: the order pages
/// apply one that the browser tests saw blocked and whose source is not yet found (ADR 0020).
/// JSON answers allow nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string DocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static readonly Func<object, Task> SetHeaders = static state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = CarriesCode(path) ? "no-referrer" : "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        // An endpoint that set its own policy keeps it (stored files are served with a sandbox).
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy =
                path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") ? ApiPolicy
                : path.StartsWithSegments("/docs") ? DocsPolicy
                : PagePolicy;
        }

        return Task.CompletedTask;
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // A static callback with the context as its state: no closure and no delegate allocated per request.
        context.Response.OnStarting(SetHeaders, context);
        return next(context);
    });

    /// <summary>Addresses that carry a secret-ish code: a certificate's verification code, a check-in token.</summary>
    private static bool CarriesCode(PathString path) =>
        path.StartsWithSegments("/verify")
        || (path.StartsWithSegments("/activities") && path.Value!.EndsWith("/scan", StringComparison.OrdinalIgnoreCase));
}
