using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// A body that is not JSON, or a field of the wrong type ("level": "Bogus", "parentId": "abc"),
/// fails before any handler runs. Answer it like every other bad input: 400, a stable code, and
/// the field named in Chinese — not a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages get the error page for the exception's status (400, 413) from the exception handler's selector.
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await ApiResults.Problem(RequestSizeLimit.TooLarge(httpContext)).ExecuteAsync(httpContext);
            return true;
        }

        var path = (bad.InnerException as JsonException)?.Path;
        var error = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal)
            ? Error.Field(path[2..], "validation.field_malformed")
            : Error.Of("validation.malformed", ErrorKind.Validation);
        await ApiResults.Problem(error).ExecuteAsync(httpContext);
        return true;
    }
}
