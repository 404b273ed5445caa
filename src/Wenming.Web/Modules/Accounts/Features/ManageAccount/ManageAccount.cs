using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.ManageAccount;

public sealed record ResetPasswordRequest(string? Password);

public sealed record SetRolesRequest(IReadOnlyList<Role>? Roles);

/// <summary>
/// Looks at one account, deactivates or reactivates it, resets its password, unlocks it or sets its
/// roles. Every change rotates the security stamp, which ends the account's existing sessions and tokens.
/// </summary>
public sealed class ManageAccountHandler(AppDbContext db, CurrentActor actor, UserManager<AppUser> users, IOrgDirectory orgs, SignInThrottle throttle, TimeProvider clock)
{
    public async Task<Result<AccountDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is not null && actor.UserId != id)
        {
            return Error.NotFound("account.not_found");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? Error.NotFound("account.not_found") : AccountDto.From(user, clock.GetUtcNow(), await IsWaitingAsync(user.Id, ct));
    }

    public Task<Result<AccountDto>> DeactivateAsync(long id, CancellationToken ct) => ChangeAsync(id, user =>
    {
        user.IsActive = false;
        return Task.FromResult<Error?>(null);
    }, ct);

    public Task<Result<AccountDto>> ActivateAsync(long id, CancellationToken ct) => ChangeAsync(id, user =>
    {
        user.IsActive = true;
        return Task.FromResult<Error?>(null);
    }, ct);

    /// <summary>Every client address may try this account again at once (ADR 0019).</summary>
    public Task<Result<AccountDto>> UnlockAsync(long id, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await throttle.ReleaseAsync(user.Id, ct);
        return null;
    }, ct);

    public Task<Result<AccountDto>> ResetPasswordAsync(long id, ResetPasswordRequest request, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        if (string.IsNullOrEmpty(request.Password))
        {
            return Error.Field("password", "validation.required", Platform.Localization.Text.Get("field.password"));
        }

        foreach (var validator in users.PasswordValidators)
        {
            var checkResult = await validator.ValidateAsync(users, user, request.Password);
            if (!checkResult.Succeeded)
            {
                return IdentityErrors.ToError(checkResult);
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password);
        return null;
    }, ct);

    public Task<Result<AccountDto>> SetRolesAsync(long id, SetRolesRequest request, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        if (request.Roles is not { Count: > 0 } roles || roles.Any(r => !Enum.IsDefined(r)))
        {
            return Error.Field("roles", "account.roles_required");
        }

        var changed = roles.Except(user.Roles).Concat(user.Roles.Except(roles));
        if (changed.Any(r => !RoleGrants.MayGrant(actor.Roles, r)))
        {
            return Error.Of("account.role_not_allowed", ErrorKind.Forbidden);
        }

        var unit = await orgs.FindAsync(user.OrgUnitId, ct);
        if (unit is null || roles.Any(r => !RoleGrants.FitsLevel(r, unit.Level)))
        {
            return Error.Field("roles", "account.role_level_mismatch");
        }

        user.SetRoles(roles);
        return null;
    }, ct);

    private async Task<Result<AccountDto>> ChangeAsync(long id, Func<AppUser, Task<Error?>> change, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Error.NotFound("account.not_found");
        }

        if (user.Id == actor.UserId)
        {
            return Error.Conflict("account.own_account");
        }

        // An admin may manage only accounts whose every role they could grant (a station admin cannot touch a center admin).
        if (user.Roles.Any(r => !RoleGrants.MayGrant(actor.Roles, r)))
        {
            return Error.Of("account.role_not_allowed", ErrorKind.Forbidden);
        }

        if (await change(user) is { } refused)
        {
            return refused;
        }

        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return AccountDto.From(user, clock.GetUtcNow(), await IsWaitingAsync(user.Id, ct));
    }

    private async Task<bool> IsWaitingAsync(long userId, CancellationToken ct) => (await throttle.WaitingAsync([userId], ct)).Count > 0;
}
