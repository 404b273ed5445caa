using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Training.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.Enroll;

public sealed record EnrollRequest(long? VolunteerId);

/// <summary>
/// Signs a volunteer up: a place while places are left, else a waiting-list position while the list has
/// room, else 409 activity.full. A volunteer signs up only themselves; admins (and the activity team's
/// leader) sign up volunteers of their subtree. A volunteer not yet approved answers 409
/// enrollment.volunteer_not_approved: the request is well-formed, the volunteer's state forbids it.
/// </summary>
/// <remarks>
/// Capacity under concurrency: everything runs in one transaction that starts by updating this
/// volunteer's lock row and then claims the place with ONE conditional UPDATE of the activity row
/// (<c>EnrolledCount = EnrolledCount + 1 WHERE EnrolledCount &lt; Capacity</c>), checking the affected
/// row count. On PostgreSQL the UPDATE waits for the row lock and re-checks the condition on the latest
/// row, so the count never passes the capacity; on SQLite a write transaction (BEGIN IMMEDIATE) excludes
/// other writers. Waiting-list positions come from the counter <c>WaitlistIssued</c> incremented in the
/// same kind of statement, so they are handed out in commit order without gaps or repeats.
/// Overlap under concurrency: the per-volunteer lock row serializes all sign-ups of one volunteer, so the
/// overlap and duplicate checks of the second see the first; re-checking after insert would also work
/// but needs a rollback path, and the lock row keeps the rule in one readable place. Locks are always
/// taken volunteer first, activity second, so two sign-ups cannot deadlock.
/// </remarks>
public sealed class EnrollHandler(AppDbContext db, CurrentActor actor, ActivityAccess access, IVolunteerDirectory volunteers, ITrainingRecords training, TimeProvider clock)
{
    public async Task<Result<EnrollmentDto>> HandleAsync(long activityId, EnrollRequest request, CancellationToken ct)
    {
        if (request.VolunteerId is not { } volunteerId)
        {
            return Error.Field("volunteerId", "validation.required", Platform.Localization.Text.Get("field.volunteerId"));
        }

        var volunteer = await volunteers.FindUnscopedAsync(volunteerId, ct);
        var isSelf = volunteer is not null && actor.PersonId is { } personId && volunteer.PersonId == personId;
        Activity? activity;
        if (isSelf)
        {
            activity = await access.VisibleAsync(activityId, ct);
        }
        else
        {
            // Signing up someone else is for admins and team leaders only; the rest may only join themselves.
            if (!actor.IsAdmin && !actor.Has(Platform.Scope.Role.TeamLeader))
            {
                return Error.Forbidden();
            }

            activity = await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null)
            {
                return Error.NotFound("activity.not_found");
            }

            var leads = activity.TeamId is { } teamId && await access.LeadsAsync(teamId, ct);
            if (!actor.IsAdmin && !leads)
            {
                return Error.Forbidden();
            }

            volunteer = await volunteers.FindAsync(volunteerId, ct);
        }

        if (activity is null)
        {
            return Error.NotFound("activity.not_found");
        }

        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        if (!volunteer.IsApproved)
        {
            return Error.Conflict("enrollment.volunteer_not_approved");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!activity.IsSignUpOpen(now))
        {
            return Error.Conflict("activity.signup_closed");
        }

        // A team category may require a course first (ADR 0059): training answers, activities only ask.
        if (activity.TeamId is { } requiringTeam && await training.CheckMayServeAsync(volunteerId, requiringTeam, ct) is { } untrained)
        {
            return untrained;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO act_volunteer_locks ("VolunteerId", "Version") VALUES ({volunteerId}, 0) ON CONFLICT ("VolunteerId") DO NOTHING""", ct);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE act_volunteer_locks SET "Version" = "Version" + 1 WHERE "VolunteerId" = {volunteerId}""", ct);

        var enrollments = db.Set<Enrollment>();
        if (await enrollments.AnyAsync(e => e.ActivityId == activityId && e.VolunteerId == volunteerId, ct))
        {
            return Error.Conflict("enrollment.duplicate");
        }

        // Waiting places count too: a promotion must never create an overlap later.
        if (await enrollments.AnyAsync(e => e.VolunteerId == volunteerId && e.ActivityId != activityId && e.StartsAt < activity.EndsAt && e.EndsAt > activity.StartsAt, ct))
        {
            return Error.Conflict("enrollment.overlap");
        }

        var activities = db.Set<Activity>().Unscoped(because: Why.UnitAbove).Where(a => a.Id == activityId && a.Status == ActivityStatus.Published);
        EnrollmentStatus status;
        int? position = null;
        if (await activities.Where(a => a.EnrolledCount < a.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrolledCount, a => a.EnrolledCount + 1), ct) == 1)
        {
            status = EnrollmentStatus.Enrolled;
        }
        else if (await activities.Where(a => a.WaitlistCount < a.WaitlistCapacity)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.WaitlistCount, a => a.WaitlistCount + 1).SetProperty(a => a.WaitlistIssued, a => a.WaitlistIssued + 1), ct) == 1)
        {
            status = EnrollmentStatus.Waitlisted;
            // Our own uncommitted write: the row stays locked by this transaction until commit.
            position = await activities.Select(a => a.WaitlistIssued).SingleAsync(ct);
        }
        else
        {
            // Either full, or cancelled meanwhile (then the status condition matched no row).
            var stillPublished = await activities.AnyAsync(ct);
            return Error.Conflict(stillPublished ? "activity.full" : "activity.signup_closed");
        }

        var enrollment = Enrollment.Create(activity, volunteerId, status, position, actor.UserId, now);
        enrollments.Add(enrollment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (activity, volunteer) index: only reachable if the lock row was bypassed.
            return Error.Conflict("enrollment.duplicate");
        }

        await transaction.CommitAsync(ct);
        return EnrollmentDto.From(enrollment);
    }
}
