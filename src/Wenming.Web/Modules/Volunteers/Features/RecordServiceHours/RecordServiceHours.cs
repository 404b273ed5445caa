using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;

public sealed record RecordServiceHoursRequest(DateOnly? Date, string? Place, string? Content, decimal? Hours);

public sealed class RecordServiceHoursValidator : AbstractValidator<RecordServiceHoursRequest>
{
    public RecordServiceHoursValidator()
    {
        RuleFor(r => r.Date).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.serviceDate")));
        RuleFor(r => r.Place).RequiredText("servicePlace", 100);
        RuleFor(r => r.Content).RequiredText("serviceContent", 500);
        RuleFor(r => r.Hours).Must(ServiceRecordRules.HoursValid).WithErrorCode("service_record.hours_invalid").WithMessage(_ => Text.Get("service_record.hours_invalid"));
    }
}

public static class ServiceRecordRules
{
    /// <summary>More than 0 and at most 24 hours, in steps a minute can hold (RULES: one record is one day's service at most).</summary>
    public static bool HoursValid(decimal? hours) =>
        hours is { } h && h > 0 && h <= 24 && ServiceHours.ToMinutes(h) >= 1;

    /// <summary>Service cannot be recorded for a day that has not come yet (China date).</summary>
    public static Error? NotInFuture(DateOnly date, TimeProvider clock) =>
        date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset) ? Error.Field("date", "service_record.date_in_future") : null;
}

/// <summary>
/// Records a manual service record, pending until an admin confirms it: by an admin of the volunteer's
/// subtree, the leader of one of their teams, or the volunteer logging their own hours (DESIGN §14).
/// The record belongs to the volunteer's unit, which certifies it.
/// </summary>
public sealed class RecordServiceHoursHandler(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<Result<ServiceRecordDto>> HandleAsync(long volunteerId, RecordServiceHoursRequest request, CancellationToken ct)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, ct);
        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        if (!await ServiceRecordAccess.CanRecordAsync(db, actor, volunteer, ct))
        {
            return actor.RequireOverseer() is null ? Error.Forbidden() : Error.NotFound("volunteer.not_found");
        }

        if (Validation.Check(new RecordServiceHoursValidator(), request) is { } invalid)
        {
            return invalid;
        }

        if (ServiceRecordRules.NotInFuture(request.Date!.Value, clock) is { } future)
        {
            return future;
        }

        if (volunteer.Status != VolunteerStatus.Approved)
        {
            return Error.Conflict("service_record.volunteer_not_approved");
        }

        var record = ServiceRecord.Record(
            volunteer.CountyId, volunteer.OrgUnitId, volunteer.Id, ServiceSourceKind.Manual, null, request.Date.Value,
            request.Place!.Trim(), request.Content!.Trim(), ServiceHours.ToMinutes(request.Hours!.Value), actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return ServiceRecordDto.From(record, null);
    }
}

/// <summary>
/// The contract for Activities and Orders. Idempotent per (source, volunteer): the existing record is
/// looked up first, and the unique index settles a race between two callers.
/// </summary>
public sealed class ServiceRecordsService(AppDbContext db, CurrentActor actor, TimeProvider clock) : IServiceRecords
{
    public async Task<long?> RecordAsync(
        long volunteerId, ServiceSource sourceKind, long sourceId, DateOnly date, string place, string content, decimal hours, long orgUnitId, CancellationToken ct)
    {
        if (!ServiceRecordRules.HoursValid(hours))
        {
            // The calling module validates its own input; reaching here with bad hours is a bug there.
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Service hours must be more than 0 and at most 24.");
        }

        var kind = sourceKind == ServiceSource.Activity ? ServiceSourceKind.Activity : ServiceSourceKind.Order;
        if (await ExistingAsync(kind, sourceId, volunteerId, ct) is { } existing)
        {
            return existing;
        }

        // Unscoped on purpose: the calling module has authorized its source (an activity it manages, an
        // order its team served), and the record lands in the source's unit, which is in the caller's
        // scope: a village team's leader may finish an activity an admin enrolled outsiders in.
        var volunteer = await db.Set<Volunteer>().Unscoped(because: Why.SystemOperation).AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, ct);
        if (volunteer is null || volunteer.Status != VolunteerStatus.Approved)
        {
            return null;
        }

        var record = ServiceRecord.Record(
            volunteer.CountyId, orgUnitId, volunteerId, kind, sourceId, date, place, content, ServiceHours.ToMinutes(hours), actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another caller recorded the same source for this volunteer in between: theirs stands.
            db.Entry(record).State = EntityState.Detached;
            return await ExistingAsync(kind, sourceId, volunteerId, ct) ?? throw new InvalidOperationException("Service record insert failed.");
        }

        return record.Id;
    }

    private Task<long?> ExistingAsync(ServiceSourceKind kind, long sourceId, long volunteerId, CancellationToken ct) =>
        db.Set<ServiceRecord>().Unscoped(because: Why.SystemOperation)
            .Where(r => r.SourceKind == kind && r.SourceId == sourceId && r.VolunteerId == volunteerId)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
}
