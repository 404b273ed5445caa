using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.FinishActivity;

/// <summary>
/// Ongoing → Finished, turning attendance into service: every place holder who never checked in is marked
/// a no-show, and every attendee gets one pending service record (IServiceRecords) of
/// <see cref="AttendanceRules.ServiceMinutes"/> — hours capped by the activity's span; without a check-out,
/// counted to the end and noted in the record, so the organizer confirms or rejects it knowingly.
/// Confirming is the service-record feature's job (the organizer's records list, linked from the activity).
/// </summary>
/// <remarks>
/// Exactly once, also when two organizers press "finish" together: the status moves by one conditional
/// UPDATE (<c>WHERE Status = 'Ongoing'</c>) inside the transaction that writes the records, so the second
/// request changes no row and answers 409 activity.invalid_transition (on PostgreSQL it waits for the first
/// to commit and then re-reads the status; on SQLite the write transaction excludes it). The records are
/// also idempotent per (activity, volunteer) on their own.
/// </remarks>
public sealed class FinishActivityHandler(AppDbContext db, ActivityAccess access, IServiceRecords services, IEventOutbox outbox, TimeProvider clock)
{
    public async Task<Result<ActivityDto>> HandleAsync(long activityId, CancellationToken ct)
    {
        var found = await access.ManageableAsync(activityId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        if (ActivityTransitions.Next(activity.Status, ActivityAction.Finish) is null)
        {
            return Error.Conflict("activity.invalid_transition");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<Activity>().Where(a => a.Id == activityId && a.Status == ActivityStatus.Ongoing)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Finished), ct);
        if (moved == 0)
        {
            return Error.Conflict("activity.invalid_transition");
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(Activity), activityId, activity.OrgUnitId, new Dictionary<string, object?>
        {
            [nameof(Activity.Status)] = new { old = nameof(ActivityStatus.Ongoing), @new = nameof(ActivityStatus.Finished) },
        });

        var enrollments = db.Set<Enrollment>().Where(e => e.ActivityId == activityId && e.Status == EnrollmentStatus.Enrolled);
        var noShows = await enrollments.Where(e => e.CheckedInAt == null).Select(e => e.Id).ToListAsync(ct);
        if (noShows.Count > 0)
        {
            await enrollments.Where(e => e.CheckedInAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.NoShowAt, now), ct);
            foreach (var id in noShows)
            {
                db.AuditDirectWrite(AuditAction.Updated, nameof(Enrollment), id, activity.OrgUnitId, new Dictionary<string, object?>
                {
                    [nameof(Enrollment.NoShowAt)] = new { old = (DateTime?)null, @new = now },
                });
            }
        }

        var attendees = await enrollments.AsNoTracking().Where(e => e.CheckedInAt != null).OrderBy(e => e.Id).ToListAsync(ct);
        var attended = new List<long>();
        foreach (var attendee in attendees)
        {
            var minutes = AttendanceRules.ServiceMinutes(attendee.CheckedInAt!.Value, attendee.CheckedOutAt, activity.StartsAt, activity.EndsAt);
            if (minutes == 0)
            {
                // Came after the end or left before the start: attended the desk, not the activity.
                continue;
            }

            attended.Add(attendee.VolunteerId);
            var recordId = await services.RecordAsync(
                attendee.VolunteerId, ServiceSource.Activity, activityId, ServiceDay(attendee, activity), Limit(activity.Place, 100),
                Content(activity, attendee), minutes / 60m, activity.OrgUnitId, ct);
            if (recordId is { } id)
            {
                await db.Set<Enrollment>().Where(e => e.Id == attendee.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.ServiceRecordId, id), ct);
            }
        }

        outbox.Add(new ActivityFinished(activityId, activity.OrgUnitId, activity.Title, attended));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await outbox.DeliverAsync(ct);
        return ActivityDto.From(await db.Set<Activity>().AsNoTracking().SingleAsync(a => a.Id == activityId, ct));
    }

    /// <summary>The China date on which the counted service began.</summary>
    private static DateOnly ServiceDay(Enrollment attendee, Activity activity)
    {
        var from = attendee.CheckedInAt!.Value < activity.StartsAt ? activity.StartsAt : attendee.CheckedInAt.Value;
        return DateOnly.FromDateTime(Text.ToChinaTime(from).DateTime);
    }

    private static string Content(Activity activity, Enrollment attendee) =>
        attendee.CheckedOutAt is null ? Text.Get("Attendance.record.no_check_out", activity.Title) : Text.Get("Attendance.record.content", activity.Title);

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
