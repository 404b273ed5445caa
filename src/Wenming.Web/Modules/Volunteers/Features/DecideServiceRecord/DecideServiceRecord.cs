using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;

public sealed record RejectServiceRecordRequest(string? Reason);

public sealed class RejectServiceRecordValidator : AbstractValidator<RejectServiceRecordRequest>
{
    public RejectServiceRecordValidator() => RuleFor(r => r.Reason).RequiredText("reason", 200);
}

/// <summary>
/// Confirms or rejects a pending record. Only an admin of the record's unit subtree decides (the unit
/// that organizes the service certifies it, RULES.md), and never for their own service.
/// </summary>
public sealed class DecideServiceRecordHandler(AppDbContext db, CurrentActor actor, IEventOutbox outbox, TimeProvider clock)
{
    public Task<Result<ServiceRecordDto>> ConfirmAsync(long id, CancellationToken ct) =>
        DecideAsync(id, null, (r, now) => r.Confirm(actor.UserId, now), ct);

    public Task<Result<ServiceRecordDto>> RejectAsync(long id, RejectServiceRecordRequest request, CancellationToken ct) =>
        DecideAsync(id, () => Validation.Check(new RejectServiceRecordValidator(), request), (r, now) => r.Reject(request.Reason!.Trim(), actor.UserId, now), ct);

    private async Task<Result<ServiceRecordDto>> DecideAsync(
        long id, Func<Error?>? validate, Func<ServiceRecord, DateTime, Error?> decide, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var record = await db.Set<ServiceRecord>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return Error.NotFound("service_record.not_found");
        }

        if (actor.PersonId is { } self && await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).AnyAsync(v => v.Id == record.VolunteerId && v.PersonId == self, ct))
        {
            return Error.Of("service_record.self_confirm", ErrorKind.Forbidden);
        }

        if (validate?.Invoke() is { } invalid)
        {
            return invalid;
        }

        if (decide(record, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        if (record.Status == ServiceRecordStatus.Confirmed)
        {
            // Saved with the confirmation, so the hours count for points exactly when they count at all.
            outbox.Add(await ServiceRecordEventsOf.ConfirmedAsync(db, record, ct));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("service_record.not_pending");
        }

        await outbox.DeliverAsync(ct);
        return ServiceRecordDto.From(record, null);
    }
}
