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
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Modules.Accounts.Features.SignUp;

/// <summary>What a resident fills in on the portal: the person's fields of <c>POST /api/v1/people</c>, the village, and a password.</summary>
public sealed record SignUpRequest(string? Name, string? IdNumber, string? Phone, long? OrgUnitId, string? Password);

/// <summary>The one answer to every accepted sign-up, whatever already exists (no hint about ID numbers or logins).</summary>
public sealed record SignUpReceived(string Status, string Message);

public sealed record RejectRegistrationRequest(string? Reason);

public sealed record RegistrationDto(
    long Id, string Name, string IdNumberMasked, string Phone, long OrgUnitId, string UnitName,
    RegistrationStatus Status, string StatusLabel, bool PersonAlreadyRegistered, long? ExistingPersonId,
    DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedByName, string? Reason, long? UserId, long? PersonId, string Login);

internal sealed class SignUpPasswordValidator : AbstractValidator<SignUpRequest>
{
    public SignUpPasswordValidator() => RuleFor(r => r.Password).RequiredText("password", 100);
}

internal sealed class RejectRegistrationValidator : AbstractValidator<RejectRegistrationRequest>
{
    public RejectRegistrationValidator() => RuleFor(r => r.Reason).RequiredText("reason", Registration.MaxReasonLength);
}

public static class RegistrationLabels
{
    public static string Status(RegistrationStatus status) => Text.Get(status switch
    {
        RegistrationStatus.Pending => "Accounts.registration.pending",
        RegistrationStatus.Confirmed => "Accounts.registration.confirmed",
        _ => "Accounts.registration.rejected",
    });

    public static string Status(PasswordResetStatus status) =>
        Text.Get(status == PasswordResetStatus.Open ? "Accounts.forgot.open" : "Accounts.forgot.closed");
}

/// <summary>
/// Takes a resident's self-registration (anonymous): checks it with the People module's own rules, hashes the
/// password and encrypts the ID number, and leaves it for the village's station. The answer is the same whether
/// the ID number, phone or login already exists: a registration for a person already in the county is flagged
/// for the station (已有此人), never refused to the registrant.
/// </summary>
public sealed class SignUpHandler(AppDbContext db, OrgScope scope, CurrentActor actor, IPeopleRegistry people, IOrgDirectory orgs, UserManager<AppUser> users, PiiProtector pii, TimeProvider clock)
{
    private static readonly SignUpPasswordValidator Validator = new();

    public async Task<Result<SignUpReceived>> HandleAsync(SignUpRequest request, CancellationToken ct)
    {
        // Anonymous: the registrant has no scope. Every read and the one write below are this feature's own.
        using var open = scope.Unscoped(because: Why.SignIn);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? code = null;
        if (Validation.Check(Validator, request) is { Fields: { } passwordFields } invalid)
        {
            Merge(fields, passwordFields);
            code = invalid.Code;
        }

        var check = await people.CheckAsync(new NewPerson(request.Name, request.IdNumber, request.Phone, request.OrgUnitId), ct);
        if (!check.IsSuccess)
        {
            if (check.Error!.Fields is { } personFields)
            {
                Merge(fields, personFields);
                code ??= check.Error.Code;
            }
            else
            {
                // An unknown or inactive unit: the same field message, not a 404 (the form offers only real villages).
                fields["orgUnitId"] = [Text.Get("account.signup_village_required")];
            }
        }

        var unit = request.OrgUnitId is { } unitId ? await orgs.FindAsync(unitId, ct) : null;
        if (unit is not { Level: OrgLevel.Village, Status: OrgUnitStatus.Active, CountyId: not null })
        {
            fields["orgUnitId"] = [Text.Get("account.signup_village_required")];
        }

        var phone = (request.Phone ?? "").Trim();
        if (!string.IsNullOrEmpty(request.Password) && !fields.ContainsKey("password"))
        {
            // The account's login will be the phone number, so the password rules are checked against it now.
            var future = new AppUser { UserName = phone };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, future, request.Password);
                if (!result.Succeeded)
                {
                    fields["password"] = [.. result.Errors.Select(e => e.Description)];
                    code ??= "account.password_weak";
                    break;
                }
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields, fields.Count == 1 ? code : null);
        }

        var idNumber = request.IdNumber!.Trim().ToUpperInvariant();
        var registration = Registration.Submit(
            unit!.CountyId!.Value, unit.Id, request.Name!.Trim(), pii.Encrypt(idNumber), Mask(idNumber), phone,
            users.PasswordHasher.HashPassword(new AppUser { UserName = phone }, request.Password!),
            check.Value.Existing?.Id, actor.IpAddress, clock.GetUtcNow().UtcDateTime);
        db.Add(registration);
        await db.SaveChangesAsync(ct);
        return Received();
    }

    /// <summary>The active villages of the platform by county, for the form's chooser (names only: the portal shows them anyway).</summary>
    public async Task<IReadOnlyList<OrgUnitInfo>> VillagesAsync(CancellationToken ct)
    {
        using var open = scope.Unscoped(because: Why.PublicDisclosure);
        return [.. (await orgs.VisibleUnitsAsync(ct)).Where(u => u is { Level: OrgLevel.Village, Status: OrgUnitStatus.Active, CountyId: not null }).OrderBy(u => u.Path, StringComparer.Ordinal)];
    }

    public static SignUpReceived Received() => new("Received", Text.Get("Accounts.signup.received"));

    private static string Mask(string value) => value[..3] + new string('*', value.Length - 7) + value[^4..];

    private static void Merge(Dictionary<string, string[]> into, IReadOnlyDictionary<string, string[]> from)
    {
        foreach (var (field, messages) in from)
        {
            into[field] = into.TryGetValue(field, out var had) ? [.. had.Concat(messages).Distinct()] : [.. messages];
        }
    }
}

/// <summary>
/// The station's side: the registrations of its villages, confirmed (the account, and the person unless the ID
/// number is already registered, are created now; ADR 0053) or rejected with a reason.
/// </summary>
public sealed class RegistrationsHandler(AppDbContext db, OrgScope scope, CurrentActor actor, IPeopleRegistry people, IOrgDirectory orgs, UserManager<AppUser> users, PiiProtector pii, TimeProvider clock)
{
    private static readonly RejectRegistrationValidator RejectValidator = new();

    public async Task<Result<PageOf<RegistrationDto>>> ListAsync(RegistrationStatus? status, PageRequest paging, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var query = db.Set<Registration>().AsNoTracking().Where(r => status == null || r.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        var names = await orgs.NamesAsync([.. rows.Select(r => r.OrgUnitId).Distinct()], ct);
        return new PageOf<RegistrationDto>([.. rows.Select(r => Dto(r, names))], paging.SafePage, paging.SafePageSize, total);
    }

    /// <summary>How many registrations wait for the caller (the home card).</summary>
    public Task<int> PendingCountAsync(CancellationToken ct) =>
        db.Set<Registration>().CountAsync(r => r.Status == RegistrationStatus.Pending, ct);

    public async Task<Result<RegistrationDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var r = await db.Set<Registration>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? Error.NotFound("account.registration_not_found") : Dto(r, await orgs.NamesAsync([r.OrgUnitId], ct));
    }

    public async Task<Result<RegistrationDto>> ConfirmAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var registration = await db.Set<Registration>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (registration is null)
        {
            return Error.NotFound("account.registration_not_found");
        }

        if (registration.Status != RegistrationStatus.Pending)
        {
            return Error.Conflict("account.registration_not_pending");
        }

        // Numbers are sign-in names on the whole platform (as in 我的 → 手机号): one number, one account.
        var phone = registration.Phone;
        if (await db.Users.Unscoped(because: Why.Uniqueness).AnyAsync(u => u.PhoneNumber == phone || u.NormalizedUserName == phone, ct))
        {
            return Error.Conflict("account.registration_phone_taken");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var idNumber = pii.Decrypt(registration.IdNumberEncrypted);
        var person = new NewPerson(registration.Name, idNumber, phone, registration.OrgUnitId);
        PersonCheck found;
        // The person may be registered in another village of the county: the ID number is unique per county, so
        // the account is linked to that person wherever they are (the station sees only the flag and the id).
        using (scope.Unscoped(because: Why.Uniqueness))
        {
            var check = await people.CheckAsync(person, ct);
            if (!check.IsSuccess)
            {
                return check.Error!;
            }

            found = check.Value;
        }

        long personId;
        if (found.Existing is { } existing)
        {
            personId = existing.Id;
        }
        else
        {
            var registered = await people.RegisterAsync(person, ct);
            if (!registered.IsSuccess)
            {
                return registered.Error!;
            }

            personId = registered.Value.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = phone,
            DisplayName = registration.Name,
            OrgUnitId = registration.OrgUnitId,
            CountyId = registration.CountyId,
            PersonId = personId,
            PhoneNumber = phone,
            PasswordHash = registration.PasswordHash,
            LockoutEnabled = true,
            CreatedAt = now,
        };
        user.SetRoles([Role.Resident]);
        try
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName))
                    ? Error.Conflict("account.registration_phone_taken")
                    : Error.Conflict("account.registration_not_pending");
            }

            if (registration.Confirm(user.Id, personId, actor.Login ?? "", now) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two confirmations at once (the status token), or a number taken meanwhile (the unique login): one wins.
            return Error.Conflict("account.registration_not_pending");
        }

        return Dto(registration, await orgs.NamesAsync([registration.OrgUnitId], ct));
    }

    public async Task<Result<RegistrationDto>> RejectAsync(long id, RejectRegistrationRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(RejectValidator, request) is { } invalid)
        {
            return invalid;
        }

        var registration = await db.Set<Registration>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (registration is null)
        {
            return Error.NotFound("account.registration_not_found");
        }

        if (registration.Reject(request.Reason!.Trim(), actor.Login ?? "", clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("account.registration_not_pending");
        }

        return Dto(registration, await orgs.NamesAsync([registration.OrgUnitId], ct));
    }

    private static RegistrationDto Dto(Registration r, IReadOnlyDictionary<long, string> names) => new(
        r.Id, r.Name, r.IdNumberMasked, r.Phone, r.OrgUnitId, names.GetValueOrDefault(r.OrgUnitId, ""),
        r.Status, RegistrationLabels.Status(r.Status), r.ExistingPersonId is not null, r.ExistingPersonId,
        new DateTimeOffset(r.CreatedAt, TimeSpan.Zero).ToOffset(Text.ChinaOffset),
        r.DecidedAt is { } d ? new DateTimeOffset(d, TimeSpan.Zero).ToOffset(Text.ChinaOffset) : null,
        r.DecidedByName, r.Reason, r.UserId, r.PersonId, r.Phone);
}
