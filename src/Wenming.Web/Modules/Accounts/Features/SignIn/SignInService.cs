using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Checks a login (user name or mobile number) and password, with Identity's per-account lockout.
/// Used by the API token endpoint and the sign-in page alike.
/// </summary>
public sealed class SignInService(AppDbContext db, UserManager<AppUser> users, OrgScope scope, TimeProvider clock)
{
    public const string StampClaim = "wenming:stamp";

    public async Task<Result<AppUser>> CheckAsync(string? login, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        // Signing in happens before anyone is known, so it runs outside any org scope.
        using var _ = scope.Unrestricted();
        var normalized = users.NormalizeName(login.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized || u.PhoneNumber == login.Trim(), ct);
        if (user is null || !user.IsActive)
        {
            return Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return LockedError(user);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? LockedError(user) : Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        // One statement, outside change tracking: a sign-in is not an audited change of the account.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), ct);
        user.LastSignInAt = now;
        return user;
    }

    private Error LockedError(AppUser user)
    {
        var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
        return Error.Of("auth.locked", ErrorKind.Locked, minutes);
    }

    /// <summary>The claims carried by the cookie or bearer token; roles and scope are re-read from the database on every request.</summary>
    public static ClaimsPrincipal CreatePrincipal(AppUser user, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp ?? ""));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return new ClaimsPrincipal(identity);
    }
}
