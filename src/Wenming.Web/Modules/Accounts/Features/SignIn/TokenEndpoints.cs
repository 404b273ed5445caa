using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

public sealed record TokenRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// API.md's bearer tokens {tokenType, accessToken, expiresIn, refreshToken}: the access token is the built-in
/// bearer handler's, the refresh token rotates on every use (ADR 0019).
/// </summary>
public static class TokenEndpoints
{
    public static void MapTokens(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth").AllowAnonymous();

        auth.MapPost("/token", async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> (
            TokenRequest request, SignInService signIn, RefreshTokens tokens, HttpContext http, CancellationToken ct) =>
        {
            var checkedUser = await signIn.CheckAsync(request.Login, request.Password, http.Connection.RemoteIpAddress, ct);
            if (!checkedUser.IsSuccess)
            {
                return Problem(http, checkedUser.Error!);
            }

            return TypedResults.Ok(await tokens.IssueAsync(checkedUser.Value, ct));
        })
        .RequireRateLimiting(RateLimits.SignIn)
        .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status401Unauthorized)
        .WithSummary("用账号（用户名或手机号）和密码换取访问令牌；同一地址对同一账号连续输错密码后须等待（429 auth.too_many_attempts，Retry-After）");

        auth.MapPost("/refresh", async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> (RefreshRequest request, RefreshTokens tokens, CancellationToken ct) =>
            ApiResults.OkOr(await tokens.RefreshAsync(request.RefreshToken, ct)))
        .RequireRateLimiting(RateLimits.SignIn)
        .Produces(StatusCodes.Status401Unauthorized)
        .WithSummary("用刷新令牌换取新的访问令牌和新的刷新令牌（旧刷新令牌随即失效；重复使用已用过的刷新令牌会使同一次登录的全部令牌失效）");
    }

    private static ProblemHttpResult Problem(HttpContext http, Error error)
    {
        if (error is TooManyAttemptsError wait)
        {
            http.Response.Headers.RetryAfter = wait.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ApiResults.Problem(error);
    }
}
