using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Checks a login (user name or mobile number) and password, behind the per-(account, address) throttle
/// (ADR 0019). Used by the API token endpoint and the sign-in page alike. A login that names no active
/// account goes through exactly the same steps — counted, throttled, a password hashed — and gets exactly
/// the same answers, so neither the answer nor its timing tells whether the login exists.
/// </summary>
public sealed class SignInService(AppDbContext db, UserManager<AppUser> users, OrgScope scope, SignInThrottle throttle, TimeProvider clock)
{
    public const string StampClaim = "wenming:stamp";

    /// <summary>A hash of a password nobody has, checked for unknown logins so that they take as long as known ones.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public async Task<Result<AppUser>> CheckAsync(string? login, string? password, IPAddress? clientAddress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        // Signing in happens before anyone is known, so it runs outside any org scope.
        using var _ = scope.Unscoped(because: Why.SignIn);
        var trimmed = login.Trim();
        var normalized = users.NormalizeName(trimmed);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized || u.PhoneNumber == trimmed, ct);
        var known = user is { IsActive: true } ? user : null;
        var key = known is null ? SignInThrottle.KeyOf(normalized) : SignInThrottle.KeyOf(known.Id);
        var address = SignInThrottle.AddressOf(clientAddress);

        if (await throttle.ClaimAsync(key, address, ct) is { } wait)
        {
            return TooManyAttempts(wait);
        }

        // Checking a password is milliseconds of CPU on purpose. On PostgreSQL the statement above completed on the
        // multiplexing driver's read loop, and code after it runs there until it awaits (ADR 0093): the hash moves to
        // a thread of the pool, so that the other requests' statements on that connection are not held up behind it.
        await Task.Yield();
        if (known is null)
        {
            // As slow as checking a real password, and as wrong.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            return Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        if (users.PasswordHasher.VerifyHashedPassword(known, known.PasswordHash ?? DummyHash.Value, password) == PasswordVerificationResult.Failed)
        {
            // The attempt stays counted as a failure.
            return Error.Of("auth.invalid_credentials", ErrorKind.Unauthorized);
        }

        await throttle.SucceededAsync(key, address, ct);

        // One statement, outside change tracking: a sign-in is not an audited change of the account
        // (the retention rule reads it, ADR 0023).
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == known.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), ct);
        known.LastSignInAt = now;
        return known;
    }

    private static TooManyAttemptsError TooManyAttempts(TimeSpan wait) => new(wait);

    /// <summary>The claims carried by the cookie or bearer token; roles and scope are re-read from the database on every request.</summary>
    public static ClaimsPrincipal CreatePrincipal(AppUser user, string authenticationType) =>
        CreatePrincipal(user.Id, user.UserName, user.SecurityStamp, user.Roles, authenticationType);

    /// <inheritdoc cref="CreatePrincipal(AppUser, string)"/>
    public static ClaimsPrincipal CreatePrincipal(long userId, string? userName, string? securityStamp, IReadOnlyList<Role> roles, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, userName ?? ""));
        identity.AddClaim(new Claim(StampClaim, securityStamp ?? ""));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return new ClaimsPrincipal(identity);
    }
}

/// <summary>429 <c>auth.too_many_attempts</c>: this address must wait before trying this login again; the same for every login, known or not.</summary>
public sealed record TooManyAttemptsError(TimeSpan Wait)
    : Error("auth.too_many_attempts", ErrorKind.TooManyRequests, Platform.Localization.Text.Get("auth.too_many_attempts", Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes))))
{
    /// <summary>For the Retry-After header.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds));
}
