using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Issues API.md's token pair and rotates refresh tokens (ADR 0019, OAuth 2.0 Security BCP): the access
/// token is the built-in bearer handler's own (data-protected, <c>Security:AccessTokenMinutes</c>); the refresh
/// token is 32 random bytes, stored only as its SHA-256. Each refresh uses up its token — one conditional
/// UPDATE, so of several simultaneous uses exactly one wins — and answers the next one of the same family.
/// Presenting a used token again revokes the whole family: whoever holds the newer token (the thief or the
/// owner) must sign in again.
/// </summary>
public sealed class RefreshTokens(AppDbContext db, IOptionsMonitor<BearerTokenOptions> bearer, OrgScope scope, TimeProvider clock, ILogger<RefreshTokens> log)
{
    /// <summary>Longer presented strings are not ours (ours are 43 characters); no need to hash them.</summary>
    private const int MaxTokenLength = 200;

    private DbSet<RefreshToken> Tokens => db.Set<RefreshToken>();

    /// <summary>A new pair after a sign-in: the first token of a new family.</summary>
    public Task<AccessTokenResponse> IssueAsync(AppUser user, CancellationToken ct) => IssueAsync(user, null, ct);

    /// <summary>Uses up <paramref name="presented"/> and answers the next pair, or 401 <c>auth.refresh_invalid</c>.</summary>
    public async Task<Result<AccessTokenResponse>> RefreshAsync(string? presented, CancellationToken ct)
    {
        var invalid = Error.Of("auth.refresh_invalid", ErrorKind.Unauthorized);
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxTokenLength)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(presented);
        var token = await Tokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.ExpiresAt <= now)
        {
            return invalid;
        }

        if (token.RevokedAt is not null || await Tokens.AnyAsync(t => t.FamilyId == token.FamilyId && t.RevokedAt != null, ct))
        {
            return invalid;
        }

        if (token.UsedAt is not null)
        {
            await RevokeFamilyAsync(token, "reused", now, ct);
            return invalid;
        }

        AppUser? user;
        using (scope.Unscoped(because: Why.SignIn))
        {
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        }

        // A password reset, role change or deactivation rotates (or blocks) the stamp and ends the family.
        if (user is null || !user.IsActive || user.SecurityStamp != token.SecurityStamp)
        {
            await RevokeFamilyAsync(token, "account changed", now, ct);
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var used = await Tokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (used == 0)
        {
            // Someone used it a moment ago: a copy is in play.
            await transaction.RollbackAsync(ct);
            await RevokeFamilyAsync(token, "reused", now, ct);
            return invalid;
        }

        var answer = await IssueAsync(user, token, ct);
        await transaction.CommitAsync(ct);
        return answer;
    }

    private async Task<AccessTokenResponse> IssueAsync(AppUser user, RefreshToken? parent, CancellationToken ct)
    {
        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = clock.GetUtcNow();
        var principal = SignInService.CreatePrincipal(user, BearerTokenDefaults.AuthenticationScheme);
        // The same ticket the bearer handler writes for a sign-in, so the handler reads it back unchanged.
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + options.BearerTokenExpiration }, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        var refresh = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        Tokens.Add(new RefreshToken
        {
            UserId = user.Id,
            FamilyId = parent?.FamilyId ?? Guid.NewGuid(),
            ParentId = parent?.Id,
            TokenHash = Hash(refresh),
            SecurityStamp = user.SecurityStamp ?? "",
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + options.RefreshTokenExpiration).UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = refresh,
        };
    }

    private async Task RevokeFamilyAsync(RefreshToken token, string reason, DateTime now, CancellationToken ct)
    {
        var family = token.FamilyId;
        var revoked = await Tokens.Where(t => t.FamilyId == family && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (revoked > 0)
        {
            log.LogWarning("Refresh token family {Family} of account {UserId} revoked ({Reason})", family, token.UserId, reason);
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
