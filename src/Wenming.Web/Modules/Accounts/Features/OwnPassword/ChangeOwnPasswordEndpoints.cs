using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.OwnPassword;

/// <summary>
/// The HTTP side of <see cref="ChangeOwnPasswordHandler"/>. A 204 ends the caller's own bearer token too (the stamp
/// rotated): an app signs in again with the new password, as API.md's 204 leaves it nothing else to go on.
/// </summary>
public static class ChangeOwnPasswordEndpoints
{
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPassword(
        ChangeOwnPasswordRequest request, ChangeOwnPasswordHandler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, http.Connection.RemoteIpAddress, ct);
        if (result.IsSuccess)
        {
            return TypedResults.NoContent();
        }

        if (result.Error is TooManyAttemptsError wait)
        {
            http.Response.Headers.RetryAfter = wait.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ApiResults.Problem(result.Error!);
    }
}
