using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.UpdateActivity;

/// <summary>The whole editable activity (PUT): the fields of <see cref="CreateActivityRequest"/> but its unit and team, which stay.</summary>
public sealed record UpdateActivityRequest(
    string? Title, ActivityCategory? Category, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity,
    DateTimeOffset? SignUpStartsAt, DateTimeOffset? SignUpEndsAt, int? WaitlistCapacity, string? Description, string? RecruitmentConditions);

/// <summary>
/// Edits an activity after creation (who may: as for publishing). What may change is decided by its state
/// (<see cref="Activity.Edit"/>). Places are resized by one conditional UPDATE that refuses to go below the
/// places already taken, so a sign-up racing the edit either fits or is refused, never overbooked. When a
/// published activity's time moves, its enrollments carry the new times (the overlap check reads them),
/// the reminders already sent are forgotten so the new time is reminded again, and everyone signed up or
/// waiting is told in the same transaction. More places move people off the waiting list in their order.
/// </summary>
public sealed class UpdateActivityHandler(AppDbContext db, ActivityAccess access, IVolunteerDirectory volunteers, INotifier notifier)
{
    public async Task<Result<ActivityDto>> HandleAsync(long id, UpdateActivityRequest request, CancellationToken ct)
    {
        var found = await access.ManageableAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        var asCreated = new CreateActivityRequest(
            activity.OrgUnitId, activity.TeamId, request.Title, request.Category, request.Place, request.StartsAt, request.EndsAt, request.Capacity,
            request.SignUpStartsAt, request.SignUpEndsAt, request.WaitlistCapacity, request.Description, request.RecruitmentConditions);
        if (Validation.Check(new CreateActivityValidator(), asCreated) is { } invalid)
        {
            return invalid;
        }

        var capacity = request.Capacity!.Value;
        var waitlist = request.WaitlistCapacity ?? activity.WaitlistCapacity;
        var resized = capacity != activity.Capacity || waitlist != activity.WaitlistCapacity;
        if (resized && activity.Status is not (ActivityStatus.Draft or ActivityStatus.Published))
        {
            return Error.Conflict(activity.Status == ActivityStatus.Ongoing ? "activity.times_locked" : "activity.not_editable");
        }

        var edited = activity.Edit(
            request.Title!, request.Description, request.Category!.Value, request.Place!, request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime,
            request.SignUpStartsAt?.UtcDateTime, request.SignUpEndsAt?.UtcDateTime, request.RecruitmentConditions);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        // A series edit "from a date on" runs this for each occurrence inside its own transaction (ADR 0058).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (resized)
        {
            var (oldCapacity, oldWaitlist) = (activity.Capacity, activity.WaitlistCapacity);
            var changed = await db.Set<Activity>()
                .Where(a => a.Id == id && a.EnrolledCount <= capacity && a.WaitlistCount <= waitlist)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Capacity, capacity).SetProperty(a => a.WaitlistCapacity, waitlist), ct);
            if (changed == 0)
            {
                return Error.Field("capacity", "activity.capacity_below_enrolled");
            }

            db.AuditDirectWrite(AuditAction.Updated, nameof(Activity), id, activity.OrgUnitId, new Dictionary<string, object?>
            {
                [nameof(Activity.Capacity)] = new { old = oldCapacity, @new = capacity },
                [nameof(Activity.WaitlistCapacity)] = new { old = oldWaitlist, @new = waitlist },
            });
            if (capacity > oldCapacity)
            {
                await PromoteWaitingAsync(activity, capacity, ct);
            }
        }

        if (edited.Value)
        {
            var (startsAt, endsAt) = (activity.StartsAt, activity.EndsAt);
            await db.Set<Enrollment>().Where(e => e.ActivityId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, startsAt).SetProperty(e => e.EndsAt, endsAt), ct);
            await db.Set<ActivityReminder>().Where(r => r.ActivityId == id).ExecuteDeleteAsync(ct);
            if (activity.Status == ActivityStatus.Published)
            {
                await NotifyAsync(activity, ct);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Published, started or cancelled meanwhile (the status is the concurrency token): edit again from what it is now.
            return Error.Conflict("activity.invalid_transition");
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        await db.Entry(activity).ReloadAsync(ct);
        return ActivityDto.From(activity);
    }

    /// <summary>
    /// More places: the people waiting take them in the order they joined the list, as when someone cancels.
    /// The resize above holds the activity's row lock, so the counts read here are the ones sign-ups and
    /// cancellations will see next; each promoted person is told at once.
    /// </summary>
    private async Task PromoteWaitingAsync(Activity activity, int capacity, CancellationToken ct)
    {
        var activities = db.Set<Activity>().Where(a => a.Id == activity.Id);
        var enrolled = await activities.Select(a => a.EnrolledCount).SingleAsync(ct);
        if (capacity <= enrolled)
        {
            return;
        }

        var enrollments = db.Set<Enrollment>();
        var promoted = await enrollments.AsNoTracking().Where(e => e.ActivityId == activity.Id && e.Status == EnrollmentStatus.Waitlisted)
            .OrderBy(e => e.Position).Take(capacity - enrolled).Select(e => new { e.Id, e.VolunteerId }).ToListAsync(ct);
        if (promoted.Count == 0)
        {
            return;
        }

        var ids = promoted.Select(p => p.Id).ToList();
        await enrollments.Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrollmentStatus.Enrolled).SetProperty(e => e.Position, (int?)null), ct);
        await activities.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.EnrolledCount, a => a.EnrolledCount + promoted.Count)
            .SetProperty(a => a.WaitlistCount, a => a.WaitlistCount - promoted.Count), ct);
        foreach (var id in ids)
        {
            db.AuditDirectWrite(AuditAction.Updated, nameof(Enrollment), id, activity.OrgUnitId, new Dictionary<string, object?>
            {
                [nameof(Enrollment.Status)] = new { old = nameof(EnrollmentStatus.Waitlisted), @new = nameof(EnrollmentStatus.Enrolled) },
            });
        }

        var persons = await volunteers.PersonIdsUnscopedAsync(promoted.Select(p => p.VolunteerId).ToList(), ct);
        var notice = new Notice(
            Text.Get("Activities.edit.promoted_title", activity.Title),
            Text.Get("Activities.edit.promoted_body", activity.Title, Text.Display(activity.StartsAt), activity.Place),
            $"/activities/{activity.Id}");
        foreach (var personId in persons.Values.Distinct())
        {
            await notifier.ToPersonAsync(personId, notice, ct);
        }
    }

    private async Task NotifyAsync(Activity activity, CancellationToken ct)
    {
        var signedUp = await db.Set<Enrollment>().AsNoTracking().Where(e => e.ActivityId == activity.Id).Select(e => e.VolunteerId).ToListAsync(ct);
        if (signedUp.Count == 0)
        {
            return;
        }

        var persons = await volunteers.PersonIdsUnscopedAsync(signedUp, ct);
        var notice = new Notice(
            Text.Get("Activities.edit.moved_title", activity.Title),
            Text.Get("Activities.edit.moved_body", activity.Title, Text.Display(activity.StartsAt), Text.Display(activity.EndsAt), activity.Place),
            $"/activities/{activity.Id}");
        foreach (var personId in persons.Values.Distinct())
        {
            await notifier.ToPersonAsync(personId, notice, ct);
        }
    }
}
