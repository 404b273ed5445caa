using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.People.Features.AnonymizePerson;

public sealed record AnonymizePersonRequest(string? Reason);

public sealed class AnonymizePersonValidator : AbstractValidator<AnonymizePersonRequest>
{
    public AnonymizePersonValidator() => RuleFor(r => r.Reason).RequiredText("anonymizeReason", 200);
}

/// <summary>
/// Anonymizes a person (ADR 0023), on request or by the retention rule: the person's row loses name, ID number
/// and phone, every module erases its part (<see cref="IPersonDataEraser"/>: accounts deactivated and renamed,
/// guardian data, certificates' masked name, orders' contact data, earlier audit values), all in one transaction.
/// Service records, hours, certificates and the points ledger stay, so every total is unchanged. A center or
/// system admin decides; people outside the caller's subtree are "not found".
/// </summary>
public sealed class AnonymizePersonHandler(AppDbContext db, CurrentActor actor, IEnumerable<IPersonDataEraser> erasers, TimeProvider clock)
{
    private static readonly AnonymizePersonValidator Validator = new();

    public async Task<Result<PersonDto>> HandleAsync(long id, AnonymizePersonRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        if (person.AnonymizedAt is not null)
        {
            return Error.Conflict("person.already_anonymized");
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The claim: one conditional UPDATE, so two admins (or two nodes' retention jobs) anonymize a person once.
        var claimed = await db.Set<Person>().Where(p => p.Id == id && p.AnonymizedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AnonymizedAt, now), ct);
        if (claimed == 0)
        {
            return Error.Conflict("person.already_anonymized");
        }

        var placeholder = Text.Get("person.anonymized_name", id);
        person.Anonymize(placeholder, Text.Get("person.anonymized_id"), request.Reason!.Trim(), now);
        await db.SaveChangesAsync(ct);
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(new AnonymizedPerson(id, placeholder), ct);
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return PersonDto.From(person);
    }
}
