using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// A body larger than the server takes (Kestrel's request limit, 30 MB by default) is refused before
/// it is read, with a message naming the limits: 413 problem details on the API, the error page with
/// the same Chinese text on the pages. Bodies without a length (chunked) reach Kestrel's own limit,
/// which <see cref="BadRequestExceptionHandler"/> answers the same way.
/// </summary>
public static class RequestSizeLimit
{
    /// <summary>Kestrel's limit (null: unlimited by configuration); its default when Kestrel is not configured (a test server).</summary>
    public static long? MaxRequestBytes(HttpContext context) =>
        context.RequestServices.GetService<IOptions<KestrelServerOptions>>() is { } kestrel ? kestrel.Value.Limits.MaxRequestBodySize : 30_000_000;

    /// <summary>413 with both limits in Chinese: the whole request, and one file (Files:MaxBytes).</summary>
    public static Error TooLarge(HttpContext context)
    {
        var file = context.RequestServices.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxBytes;
        var request = MaxRequestBytes(context) ?? file;
        return Error.Of("request.too_large", ErrorKind.PayloadTooLarge, Megabytes(request), Megabytes(file));
    }

    public static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024} KB";

    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use((context, next) =>
        // Not again when the error page is re-executed for this very request (its body is still too large).
        context.Request.ContentLength is { } length && MaxRequestBytes(context) is { } max && length > max
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            ? RefuseAsync(context)
            : next(context));

    private static Task RefuseAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return ApiResults.Problem(TooLarge(context)).ExecuteAsync(context);
        }

        // The pages' status-code handler shows /error/413 in the site's layout.
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Task.CompletedTask;
    }
}
