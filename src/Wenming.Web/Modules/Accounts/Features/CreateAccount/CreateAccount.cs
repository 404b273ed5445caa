using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.CreateAccount;

public sealed record CreateAccountRequest(string? Login, string? Password, string? DisplayName, Role? Role, long? OrgUnitId, long? PersonId = null, string? Phone = null);

public sealed class CreateAccountValidator : AbstractValidator<CreateAccountRequest>
{
    public CreateAccountValidator()
    {
        RuleFor(r => r.Login).RequiredText("login", 50)
            .Matches("^[A-Za-z0-9._@+-]*$").WithErrorCode("account.login_format").WithMessage(_ => Text.Get("account.login_format"));
        RuleFor(r => r.Password).RequiredText("password", 100);
        RuleFor(r => r.DisplayName).RequiredText("displayName", 50);
        RuleFor(r => r.Role).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.role")))
            .IsInEnum().WithMessage(_ => Text.Get("account.role_unknown"));
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.orgUnitId")));
    }
}

/// <summary>Which roles a caller may grant, and at which level of unit each role sits.</summary>
public static class RoleGrants
{
    public static bool MayGrant(IReadOnlyList<Role> callerRoles, Role target)
    {
        if (callerRoles.Contains(Role.SystemAdmin))
        {
            return true;
        }

        var best = callerRoles.Where(Roles.IsAdmin).DefaultIfEmpty((Role)0).Min();
        return best != 0 && target switch
        {
            Role.SystemAdmin => false,
            Role.Supervisor => best == Role.CenterAdmin,
            Role.CenterAdmin or Role.InstituteAdmin or Role.StationAdmin => target >= best,
            _ => true,
        };
    }

    public static bool FitsLevel(Role role, OrgLevel level) => role switch
    {
        Role.SystemAdmin => true,
        Role.CenterAdmin => level is OrgLevel.City or OrgLevel.County,
        // A department's admins administer its subtree as a township's do (ADR 0060).
        Role.InstituteAdmin => level is OrgLevel.Township or OrgLevel.Department,
        Role.StationAdmin => level is OrgLevel.Village or OrgLevel.Point,
        Role.Supervisor => level is OrgLevel.City or OrgLevel.County or OrgLevel.Township,
        _ => level is not OrgLevel.City,
    };
}

/// <summary>Creates a sign-in account bound to a unit of the caller's subtree.</summary>
public sealed class CreateAccountHandler(AppDbContext db, CurrentActor actor, UserManager<AppUser> users, IOrgDirectory orgs, IPeopleDirectory people, TimeProvider clock)
{
    private static readonly CreateAccountValidator Validator = new();

    public async Task<Result<AccountDto>> HandleAsync(CreateAccountRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        var role = request.Role!.Value;
        if (!RoleGrants.MayGrant(actor.Roles, role))
        {
            return Error.Of("account.role_not_allowed", ErrorKind.Forbidden);
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (!RoleGrants.FitsLevel(role, unit.Level))
        {
            return Error.Field("role", "account.role_level_mismatch");
        }

        string? phone = null;
        if (request.PersonId is { } personId)
        {
            var person = await people.FindAsync(personId, ct);
            if (person is null)
            {
                return Error.NotFound("person.not_found");
            }

            phone = person.Phone;
        }

        var login = request.Login!.Trim();
        if (await db.Users.Unscoped(because: Why.Uniqueness).AnyAsync(u => u.NormalizedUserName == users.NormalizeName(login), ct))
        {
            return Error.Conflict("account.login_taken");
        }

        var user = new AppUser
        {
            UserName = login,
            DisplayName = request.DisplayName!.Trim(),
            OrgUnitId = unit.Id,
            CountyId = unit.CountyId,
            PersonId = request.PersonId,
            PhoneNumber = phone,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.SetRoles([role]);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException)
        {
            // Two admins racing for the same login: the check above passed for both, the unique index decides.
            return Error.Conflict("account.login_taken");
        }

        if (!created.Succeeded)
        {
            return IdentityErrors.ToError(created);
        }

        return AccountDto.From(user, clock.GetUtcNow());
    }
}

internal static class IdentityErrors
{
    public static Error ToError(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Error.Conflict("account.login_taken");
        }

        var passwordErrors = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description).ToArray();
        if (passwordErrors.Length > 0)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["password"] = passwordErrors }, "account.password_weak");
        }

        return Error.Validation(new Dictionary<string, string[]> { ["login"] = result.Errors.Select(e => e.Description).ToArray() });
    }
}
