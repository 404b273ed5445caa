using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

public sealed record TokenRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>API.md's bearer tokens: the built-in bearer-token handler writes {tokenType, accessToken, expiresIn, refreshToken}.</summary>
public static class TokenEndpoints
{
    public static void MapTokens(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth").AllowAnonymous();

        auth.MapPost("/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (TokenRequest request, SignInService signIn, CancellationToken ct) =>
        {
            var checkedUser = await signIn.CheckAsync(request.Login, request.Password, ct);
            if (!checkedUser.IsSuccess)
            {
                return ApiResults.Problem(checkedUser.Error!);
            }

            return TypedResults.SignIn(SignInService.CreatePrincipal(checkedUser.Value, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        })
        .RequireRateLimiting(RateLimits.SignIn)
        .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status401Unauthorized)
        .WithSummary("用账号（用户名或手机号）和密码换取访问令牌");

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (
            RefreshRequest request, IOptionsMonitor<BearerTokenOptions> options, AppDbContext db, OrgScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var protector = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || !long.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                return ApiResults.Problem(Error.Of("auth.refresh_invalid", ErrorKind.Unauthorized));
            }

            AppUser? user;
            using (scope.Unrestricted())
            {
                user = await db.Users.FindAsync([userId], ct);
            }

            // A password change, deactivation or lockout rotates or blocks the stamp and ends every refresh chain.
            if (user is null || !user.IsActive || user.SecurityStamp != ticket.Principal.FindFirstValue(SignInService.StampClaim)
                || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
            {
                return ApiResults.Problem(Error.Of("auth.refresh_invalid", ErrorKind.Unauthorized));
            }

            return TypedResults.SignIn(SignInService.CreatePrincipal(user, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        })
        .RequireRateLimiting(RateLimits.SignIn)
        .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status401Unauthorized)
        .WithSummary("用刷新令牌换取新的访问令牌");
    }
}
