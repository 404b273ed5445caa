using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ReverseServiceRecord;

public sealed record ReverseServiceRecordRequest(string? Reason);

public sealed class ReverseServiceRecordValidator : AbstractValidator<ReverseServiceRecordRequest>
{
    public ReverseServiceRecordValidator() => RuleFor(r => r.Reason).RequiredText("reversalReason", 200);
}

/// <summary>
/// Corrects a confirmed record the only lawful way: a new, confirmed record with the negative hours and a
/// reason. The original stays as it was. Admins of the record's subtree only; at most once per record.
/// </summary>
public sealed class ReverseServiceRecordHandler(AppDbContext db, CurrentActor actor, IEventOutbox outbox, TimeProvider clock)
{
    public async Task<Result<ServiceRecordDto>> HandleAsync(long id, ReverseServiceRecordRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var original = await db.Set<ServiceRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (original is null)
        {
            return Error.NotFound("service_record.not_found");
        }

        if (actor.PersonId is { } self && await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).AnyAsync(v => v.Id == original.VolunteerId && v.PersonId == self, ct))
        {
            return Error.Of("service_record.self_confirm", ErrorKind.Forbidden);
        }

        if (Validation.Check(new ReverseServiceRecordValidator(), request) is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference).AnyAsync(r => r.ReversesRecordId == id, ct))
        {
            return Error.Conflict("service_record.already_reversed");
        }

        var reversal = original.Reverse(request.Reason!.Trim(), actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (!reversal.IsSuccess)
        {
            return reversal.Error!;
        }

        db.Add(reversal.Value);
        var reversed = await ServiceRecordEventsOf.ConfirmedAsync(db, original, ct);
        outbox.Add(new ServiceRecordReversed(reversed, reversal.Value.Reason!));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on ReversesRecordId: another admin reversed it a moment ago.
            return Error.Conflict("service_record.already_reversed");
        }

        await outbox.DeliverAsync(ct);
        return ServiceRecordDto.From(reversal.Value, null);
    }
}
