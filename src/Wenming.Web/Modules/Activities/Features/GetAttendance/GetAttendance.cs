using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.GetAttendance;

/// <summary>One place holder's attendance with their name (null when the person is outside the viewer's scope) and the minutes it is worth so far.</summary>
public sealed record AttendanceRow(EnrollmentDto Enrollment, string? Name, int Minutes);

/// <summary>The attendance sheet of an activity: who holds a place, who is in, who left, who never came.</summary>
public sealed record AttendanceSheet(ActivityDto Activity, IReadOnlyList<AttendanceRow> Rows)
{
    public int CheckedIn => Rows.Count(r => r.Enrollment.CheckedInAt is not null);

    public int CheckedOut => Rows.Count(r => r.Enrollment.CheckedOutAt is not null);

    public int NoShows => Rows.Count(r => r.Enrollment.NoShow);
}

/// <summary>For the organizer's pages (activity detail, the on-site code screen); the same access as the enrollment list.</summary>
public sealed class GetAttendanceHandler(AppDbContext db, ActivityAccess access, IVolunteerDirectory volunteers, VolunteerNames volunteerNames, CurrentActor actor)
{
    /// <summary>The signed-in person's own volunteer id and enrollment in an activity they may see (the scan page); null values when they have none.</summary>
    public async Task<Result<(ActivityDto Activity, long? VolunteerId, EnrollmentDto? Mine)>> MineAsync(long activityId, CancellationToken ct)
    {
        if (await access.VisibleAsync(activityId, ct) is not { } activity)
        {
            return Error.NotFound("activity.not_found");
        }

        if (actor.PersonId is not { } personId || await volunteers.FindByPersonUnscopedAsync(personId, ct) is not { } me)
        {
            return (ActivityDto.From(activity), null, null);
        }

        var mine = await db.Set<Enrollment>().AsNoTracking().SingleOrDefaultAsync(e => e.ActivityId == activityId && e.VolunteerId == me.Id, ct);
        return (ActivityDto.From(activity), me.Id, mine is null ? null : EnrollmentDto.From(mine));
    }

    public async Task<Result<AttendanceSheet>> HandleAsync(long activityId, CancellationToken ct)
    {
        var found = await access.ManageableAsync(activityId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        var enrollments = await db.Set<Enrollment>().AsNoTracking()
            .Where(e => e.ActivityId == activityId && e.Status == EnrollmentStatus.Enrolled)
            .OrderBy(e => e.CheckedInAt == null).ThenBy(e => e.CheckedInAt).ThenBy(e => e.Id).ToListAsync(ct);
        var names = await volunteerNames.OfAsync([.. enrollments.Select(e => e.VolunteerId)], ct);
        var rows = enrollments.Select(e => new AttendanceRow(
            EnrollmentDto.From(e),
            names.GetValueOrDefault(e.VolunteerId),
            e.CheckedInAt is { } i ? AttendanceRules.ServiceMinutes(i, e.CheckedOutAt, activity.StartsAt, activity.EndsAt) : 0)).ToList();
        return new AttendanceSheet(ActivityDto.From(activity), rows);
    }
}
