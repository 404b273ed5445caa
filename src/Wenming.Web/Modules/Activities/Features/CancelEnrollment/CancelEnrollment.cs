using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.CancelEnrollment;

/// <summary>
/// Cancels a sign-up (the volunteer themselves, or who manages the activity). Giving up a place promotes
/// the first in line in the same transaction; the activity row is updated first, so its row lock
/// (PostgreSQL) or the write lock (SQLite) keeps two cancellations from promoting the same person.
/// </summary>
public sealed class CancelEnrollmentHandler(AppDbContext db, CurrentActor actor, ActivityAccess access, IVolunteerDirectory volunteers)
{
    public async Task<Result<bool>> HandleAsync(long activityId, long volunteerId, CancellationToken ct)
    {
        var volunteer = await volunteers.FindUnscopedAsync(volunteerId, ct);
        var isSelf = volunteer is not null && actor.PersonId is { } personId && volunteer.PersonId == personId;
        if (isSelf)
        {
            if (await access.VisibleAsync(activityId, ct) is null)
            {
                return Error.NotFound("activity.not_found");
            }
        }
        else
        {
            var found = await access.ManageableAsync(activityId, track: false, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var activities = db.Set<Activity>().Unscoped(because: Why.UnitAbove).Where(a => a.Id == activityId);
        // Takes the activity row lock before reading the enrollment, so concurrent cancellations queue here.
        await activities.ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrolledCount, a => a.EnrolledCount), ct);
        var enrollments = db.Set<Enrollment>();
        var enrollment = await enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.ActivityId == activityId && e.VolunteerId == volunteerId, ct);
        if (enrollment is null)
        {
            return Error.NotFound("enrollment.not_found");
        }

        if (enrollment.CheckedInAt is not null || enrollment.NoShowAt is not null)
        {
            // Attendance is the evidence behind service records: it stays, like the records themselves.
            return Error.Keyed("checkin.attended_cannot_cancel", ErrorKind.Conflict, "Attendance.checkin.attended_cannot_cancel");
        }

        await enrollments.Where(e => e.Id == enrollment.Id).ExecuteDeleteAsync(ct);
        var orgUnitId = await activities.Select(a => a.OrgUnitId).SingleAsync(ct);
        db.AuditDirectWrite(AuditAction.Deleted, nameof(Enrollment), enrollment.Id, orgUnitId, new Dictionary<string, object?>
        {
            [nameof(Enrollment.ActivityId)] = activityId,
            [nameof(Enrollment.VolunteerId)] = volunteerId,
            [nameof(Enrollment.Status)] = enrollment.Status.ToString(),
        });
        if (enrollment.Status == EnrollmentStatus.Waitlisted)
        {
            await activities.ExecuteUpdateAsync(s => s.SetProperty(a => a.WaitlistCount, a => a.WaitlistCount - 1), ct);
        }
        else
        {
            var next = await enrollments.Where(e => e.ActivityId == activityId && e.Status == EnrollmentStatus.Waitlisted)
                .OrderBy(e => e.Position).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
            if (next is { } promotedId)
            {
                await enrollments.Where(e => e.Id == promotedId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Enrolled).SetProperty(e => e.Position, (int?)null), ct);
                await activities.ExecuteUpdateAsync(s => s.SetProperty(a => a.WaitlistCount, a => a.WaitlistCount - 1), ct);
                db.AuditDirectWrite(AuditAction.Updated, nameof(Enrollment), promotedId, orgUnitId, new Dictionary<string, object?>
                {
                    [nameof(Enrollment.Status)] = new { old = nameof(EnrollmentStatus.Waitlisted), @new = nameof(EnrollmentStatus.Enrolled) },
                });
            }
            else
            {
                await activities.ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrolledCount, a => a.EnrolledCount - 1), ct);
                // The participants of a held activity are its enrolled places: its day is recounted (ADR 0061).
                await db.MarkRolledUpAsync(await activities.AsNoTracking().SingleAsync(ct), ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
