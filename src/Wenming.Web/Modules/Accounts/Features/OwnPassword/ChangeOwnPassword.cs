using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.OwnPassword;

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Everyone changes their own password with the current one (RULES.md Accounts). The new password meets the
/// same rules as an admin's reset; the security stamp rotates, so every other session and refresh token of the
/// account ends on its next request (ADR 0037). A wrong current password counts against the sign-in throttle
/// like a wrong sign-in, so a borrowed session cannot be used to guess the password.
/// </summary>
public sealed class ChangeOwnPasswordHandler(AppDbContext db, CurrentActor actor, UserManager<AppUser> users, SignInThrottle throttle)
{
    /// <summary>The account with its new stamp, for the page to re-issue its own cookie; or a refusal.</summary>
    public async Task<Result<AppUser>> HandleAsync(ChangeOwnPasswordRequest request, IPAddress? clientAddress, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return Error.Of("auth.unauthorized", ErrorKind.Unauthorized);
        }

        var missing = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            missing.AddRequired("currentPassword", "Accounts.password.current");
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            missing.AddRequired("newPassword", "Accounts.password.new");
        }

        if (missing.ToError() is { } incomplete)
        {
            return incomplete;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.IsActive)
        {
            return Error.Of("auth.unauthorized", ErrorKind.Unauthorized);
        }

        var key = SignInThrottle.KeyOf(user.Id);
        var address = SignInThrottle.AddressOf(clientAddress);
        if (await throttle.ClaimAsync(key, address, ct) is { } wait)
        {
            return new TooManyAttemptsError(wait);
        }

        if (user.PasswordHash is null || users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            // The attempt stays counted as a failure.
            return Error.Field("currentPassword", "account.current_password_wrong");
        }

        await throttle.SucceededAsync(key, address, ct);

        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.NewPassword);
            weak.AddRange(check.Errors.Select(e => e.Description));
        }

        if (weak.Count > 0)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. weak] }, "account.password_weak");
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return user;
    }
}

/// <summary>RULES.md Accounts: a password is not the login (whatever the case).</summary>
public sealed class PasswordNotLoginValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && user.UserName is { } login && string.Equals(password.Trim(), login.Trim(), StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordIsLogin", Description = Platform.Localization.Text.Get("Accounts.password.is_login") })
            : IdentityResult.Success);
}
