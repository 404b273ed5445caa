using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Modules.People.Features.RegisterPerson;

public sealed record RegisterPersonRequest(
    string? Name, string? IdNumber, string? Phone, long? OrgUnitId,
    long? HouseholdId = null, PoliticalStatus? PoliticalStatus = null, string? Skills = null);

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPersonRequest>
{
    public RegisterPersonValidator(TimeProvider clock)
    {
        RuleFor(r => r.Name).RequiredText("name", 50);
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.orgUnitId")));
        RuleFor(r => r.IdNumber).Custom((value, ctx) =>
        {
            var parsed = ChineseIdNumber.Parse(value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (!parsed.IsSuccess)
            {
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("IdNumber", parsed.Error!.Message) { ErrorCode = "person.id_number_invalid" });
            }
        });
        RuleFor(r => r.Phone).Custom((value, ctx) =>
        {
            var parsed = MobileNumber.Parse(value);
            if (!parsed.IsSuccess)
            {
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("Phone", parsed.Error!.Message) { ErrorCode = "person.phone_invalid" });
            }
        });
        RuleFor(r => r.PoliticalStatus).IsInEnum().WithMessage(_ => Text.Get("person.political_status_unknown"));
        RuleFor(r => r.Skills).OptionalText("skills", 200);
    }
}

/// <summary>Registers a person by real name in a unit of the caller's subtree.</summary>
public sealed class RegisterPersonHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, PiiProtector pii, TimeProvider clock)
{
    public async Task<Result<PersonDto>> HandleAsync(RegisterPersonRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var prepared = await PrepareAsync(request, ct);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (unit, countyId, id, hash) = prepared.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        // Uniqueness is per county, whoever can see the other record: the check ignores the caller's scope.
        if (await db.Set<Person>().Unscoped(because: Why.Uniqueness).AnyAsync(p => p.CountyId == countyId && p.IdNumberHash == hash, ct))
        {
            return Error.Conflict("person.duplicate_id_number");
        }

        var person = Person.Register(
            countyId, unit.Id, request.Name!, id, pii.Encrypt(id.Value), hash, MobileNumber.Parse(request.Phone).Value,
            request.HouseholdId, request.PoliticalStatus ?? PoliticalStatus.Masses, request.Skills?.Trim(), now);
        db.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("person.duplicate_id_number");
        }

        return PersonDto.From(person);
    }

    /// <summary>
    /// Every check of a registration that needs no write: the validator, the unit (visible, active, in a
    /// county), the parsed ID number and its keyed hash. Shared with imports (<see cref="PeopleRegistry"/>).
    /// </summary>
    internal async Task<Result<PreparedPerson>> PrepareAsync(RegisterPersonRequest request, CancellationToken ct)
    {
        if (Validation.Check(new RegisterPersonValidator(clock), request) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return Error.Field("orgUnitId", "person.unit_not_allowed");
        }

        var id = ChineseIdNumber.Parse(request.IdNumber, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Value;
        return new PreparedPerson(unit, countyId, id, pii.Hash(id.Value));
    }
}

internal sealed record PreparedPerson(OrgUnitInfo Unit, long CountyId, ChineseIdNumber Id, string Hash);
