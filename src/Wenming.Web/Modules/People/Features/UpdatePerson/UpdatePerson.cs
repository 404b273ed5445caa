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

namespace Wenming.Web.Modules.People.Features.UpdatePerson;

/// <summary>The ID number cannot change: a wrong one means a wrong registration.</summary>
public sealed record UpdatePersonRequest(
    string? Name, string? Phone, long? OrgUnitId, long? HouseholdId = null, PoliticalStatus? PoliticalStatus = null, string? Skills = null);

public sealed class UpdatePersonValidator : AbstractValidator<UpdatePersonRequest>
{
    public UpdatePersonValidator()
    {
        RuleFor(r => r.Name).RequiredText("name", 50);
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.orgUnitId")));
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

public sealed class UpdatePersonHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    private static readonly UpdatePersonValidator Validator = new();

    public async Task<Result<PersonDto>> HandleAsync(long id, UpdatePersonRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId != person.CountyId || unit.Status != OrgUnitStatus.Active)
        {
            return Error.Field("orgUnitId", "person.unit_not_allowed");
        }

        person.Update(request.Name!, MobileNumber.Parse(request.Phone).Value, unit.Id, request.HouseholdId,
            request.PoliticalStatus ?? person.PoliticalStatus, request.Skills?.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return PersonDto.From(person);
    }
}
