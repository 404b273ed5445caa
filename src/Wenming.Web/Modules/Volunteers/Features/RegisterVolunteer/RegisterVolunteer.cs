using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;

public sealed record GuardianInput(string? Name, string? Relation, string? Phone);

public sealed record RegisterVolunteerRequest(
    long? PersonId, GuardianInput? Guardian = null, string? Skills = null, string? ServiceAreas = null, string? Availability = null);

public sealed partial class RegisterVolunteerValidator : AbstractValidator<RegisterVolunteerRequest>
{
    public RegisterVolunteerValidator()
    {
        RuleFor(r => r.PersonId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.personId")));
        RuleFor(r => r.Skills).OptionalText("skills", 200);
        RuleFor(r => r.ServiceAreas).OptionalText("serviceAreas", 200);
        RuleFor(r => r.Availability).OptionalText("availability", 200);
        When(r => r.Guardian is not null, () =>
        {
            RuleFor(r => r.Guardian!.Name).RequiredText("guardianName", 50);
            RuleFor(r => r.Guardian!.Relation).RequiredText("guardianRelation", 20);
            RuleFor(r => r.Guardian!.Phone).Must(p => p is not null && Mobile().IsMatch(p.Trim()))
                .WithErrorCode("volunteer.guardian_phone_invalid").WithMessage(_ => Text.Get("volunteer.guardian_phone_invalid"));
        });
    }

    // A mainland mobile number; People's own parser is internal to that module.
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    public static partial Regex Mobile();
}

/// <summary>
/// A person applies to be a volunteer: a resident or volunteer for themselves, an admin for a person
/// of their subtree. The age rule is checked on the registration date (China time).
/// </summary>
public sealed class RegisterVolunteerHandler(AppDbContext db, CurrentActor actor, IPeopleDirectory people, INotifier notifier, TimeProvider clock)
{
    public async Task<Result<VolunteerDto>> HandleAsync(RegisterVolunteerRequest request, CancellationToken ct)
    {
        if (Validation.Check(new RegisterVolunteerValidator(), request) is { } invalid)
        {
            return invalid;
        }

        var personId = request.PersonId!.Value;
        if (!actor.IsAdmin && actor.PersonId != personId)
        {
            return Error.Forbidden();
        }

        var person = await people.FindAsync(personId, ct);
        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Text.ToChinaTime(now).DateTime);
        var guardian = request.Guardian is { } g ? new GuardianConsent(g.Name!.Trim(), g.Relation!.Trim(), g.Phone!.Trim()) : null;
        if (VolunteerAge.Check(person.BirthDate, today, guardian is not null) is { } refused)
        {
            return refused;
        }

        // An adult needs no guardian: none is recorded, so no one's phone is kept without a reason.
        if (!VolunteerAge.IsMinor(person.BirthDate, today))
        {
            guardian = null;
        }

        // One registration per person, whoever can see the other one.
        if (await db.Set<Volunteer>().Unscoped(because: Why.Uniqueness).AnyAsync(v => v.PersonId == personId, ct))
        {
            return Error.Conflict("volunteer.duplicate");
        }

        var volunteer = Volunteer.Apply(
            person.CountyId, person.OrgUnitId, personId, guardian, Clean(request.Skills), Clean(request.ServiceAreas), Clean(request.Availability), now);
        db.Add(volunteer);
        await notifier.ToUnitAdminsAsync(
            volunteer.OrgUnitId,
            new Notice(Text.Get("Notify.VolunteerRegistered.Title"), Text.Get("Notify.VolunteerRegistered.Body", person.Name), "/volunteers?status=Pending"),
            ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("volunteer.duplicate");
        }

        return VolunteerDto.From(volunteer, person.Name);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
