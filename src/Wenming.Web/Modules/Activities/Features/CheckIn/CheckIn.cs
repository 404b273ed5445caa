using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.CheckIn;

/// <summary>
/// <c>token</c>: the code shown on site, required when volunteers check themselves in or out.
/// <c>at</c>: an earlier time, only for admins and the activity's team leader recording by hand.
/// </summary>
public sealed record CheckInRequest(long? VolunteerId, DateTimeOffset? At = null, string? Token = null);

/// <summary>
/// Check-in and check-out (DESIGN §4). A volunteer records their own arrival by presenting the current
/// rotating code (proof that they are on site); admins of the activity's subtree and its team leader
/// record anyone's by hand, optionally at an earlier time, recorded as Manual with who did it.
/// Only people holding a place (not the waiting list) check in, only while the activity is published or
/// ongoing and near its time (<see cref="AttendanceRules.IsOpen"/>); check-out needs a check-in first.
/// </summary>
/// <remarks>
/// Each write is one conditional UPDATE (<c>… WHERE CheckedInAt IS NULL</c>) whose affected-row count
/// decides, so a double tap or two organizers at once record one arrival and the other is told "already";
/// it runs after taking the activity row's lock, which orders it against finishing (see StillOpenAsync).
/// </remarks>
public sealed class CheckInHandler(
    AppDbContext db, CurrentActor actor, ActivityAccess access, IVolunteerDirectory volunteers, CheckInKeys keys, CheckInCodes codes, TimeProvider clock)
{
    /// <summary>A manual time may be a minute ahead of the server's clock (phones and PCs drift), never more.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public Task<Result<EnrollmentDto>> CheckInAsync(long activityId, CheckInRequest request, CancellationToken ct) =>
        RecordAsync(activityId, request, checkingIn: true, ct);

    public Task<Result<EnrollmentDto>> CheckOutAsync(long activityId, CheckInRequest request, CancellationToken ct) =>
        RecordAsync(activityId, request, checkingIn: false, ct);

    private async Task<Result<EnrollmentDto>> RecordAsync(long activityId, CheckInRequest request, bool checkingIn, CancellationToken ct)
    {
        if (request.VolunteerId is not { } volunteerId)
        {
            return Error.Field("volunteerId", "validation.required", Text.Get("field.volunteerId"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var volunteer = await volunteers.FindUnscopedAsync(volunteerId, ct);
        var isSelf = volunteer is not null && actor.PersonId is { } personId && volunteer.PersonId == personId;
        var found = isSelf ? await SelfAsync(activityId, request, ct) : await ByOrganizerAsync(activityId, volunteerId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        var method = isSelf ? CheckInMethod.Qr : CheckInMethod.Manual;
        var at = request.At?.UtcDateTime ?? now;
        if (at > now + ClockSkew)
        {
            return FieldErrors.One("at", "checkin.at_in_future", "Attendance.checkin.at_in_future");
        }

        var enrollment = await db.Set<Enrollment>().AsNoTracking().SingleOrDefaultAsync(e => e.ActivityId == activityId && e.VolunteerId == volunteerId, ct);
        if (enrollment is null)
        {
            return Error.Keyed("checkin.not_enrolled", ErrorKind.Conflict, "Attendance.checkin.not_enrolled");
        }

        if (enrollment.Status != EnrollmentStatus.Enrolled)
        {
            return Error.Keyed("checkin.waitlisted", ErrorKind.Conflict, "Attendance.checkin.waitlisted");
        }

        if (!AttendanceRules.IsOpen(activity, at))
        {
            // A manual time outside the window is a wrong entry in the form; "now" outside it, or an activity
            // no longer published or under way (e.g. finished a moment ago), means the desk is closed.
            var deskOpen = activity.Status is ActivityStatus.Published or ActivityStatus.Ongoing;
            return request.At is null || !deskOpen ? Error.Keyed("checkin.not_open", ErrorKind.Conflict, "Attendance.checkin.not_open") : FieldErrors.One("at", "checkin.at_outside_window", "Attendance.checkin.at_outside_window");
        }

        return checkingIn
            ? await CheckInAsync(activity, enrollment, at, method, ct)
            : await CheckOutAsync(activity, enrollment, at, method, ct);
    }

    /// <summary>Volunteers check only themselves in, with the code on site and the server's time.</summary>
    private async Task<Result<Activity>> SelfAsync(long activityId, CheckInRequest request, CancellationToken ct)
    {
        if (request.At is not null)
        {
            return Error.Keyed("checkin.at_not_allowed", ErrorKind.Forbidden, "Attendance.checkin.at_not_allowed");
        }

        if (await access.VisibleAsync(activityId, ct) is not { } activity)
        {
            return Error.NotFound("activity.not_found");
        }

        // No key means no code was ever shown for this activity, so no token can be right.
        var secret = await keys.FindAsync(activityId, ct);
        if (secret is null || !codes.IsValid(secret, activityId, request.Token))
        {
            return FieldErrors.One("token", "checkin.token_invalid", "Attendance.checkin.token_invalid");
        }

        return activity;
    }

    /// <summary>By hand: admins of the activity's subtree and the leader of its team, for anyone enrolled.</summary>
    private async Task<Result<Activity>> ByOrganizerAsync(long activityId, long volunteerId, CancellationToken ct)
    {
        if (!actor.IsAdmin && !actor.Has(Role.TeamLeader))
        {
            return Error.Forbidden();
        }

        var found = await access.ManageableAsync(activityId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        // The enrollment decides who may be checked in; the volunteer must exist at all.
        return await volunteers.FindUnscopedAsync(volunteerId, ct) is null ? Error.NotFound("volunteer.not_found") : found.Value;
    }

    private async Task<Result<EnrollmentDto>> CheckInAsync(Activity activity, Enrollment enrollment, DateTime at, CheckInMethod method, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await StillOpenAsync(activity.Id, ct))
        {
            return Error.Keyed("checkin.not_open", ErrorKind.Conflict, "Attendance.checkin.not_open");
        }

        var changed = await db.Set<Enrollment>()
            .Where(e => e.Id == enrollment.Id && e.Status == EnrollmentStatus.Enrolled && e.CheckedInAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.CheckedInAt, at)
                .SetProperty(e => e.CheckInMethod, method)
                .SetProperty(e => e.CheckedInByUserId, actor.UserId), ct);
        if (changed == 0)
        {
            return Error.Keyed("checkin.already", ErrorKind.Conflict, "Attendance.checkin.already");
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(Enrollment), enrollment.Id, activity.OrgUnitId, new Dictionary<string, object?>
        {
            [nameof(Enrollment.CheckedInAt)] = new { old = (DateTime?)null, @new = at },
            [nameof(Enrollment.CheckInMethod)] = new { old = (string?)null, @new = method.ToString() },
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ReloadAsync(enrollment.Id, ct);
    }

    private async Task<Result<EnrollmentDto>> CheckOutAsync(Activity activity, Enrollment enrollment, DateTime at, CheckInMethod method, CancellationToken ct)
    {
        if (enrollment.CheckedInAt is not { } checkedInAt)
        {
            return Error.Keyed("checkin.not_checked_in", ErrorKind.Conflict, "Attendance.checkin.not_checked_in");
        }

        if (at < checkedInAt)
        {
            return FieldErrors.One("at", "checkin.out_before_in", "Attendance.checkin.out_before_in");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await StillOpenAsync(activity.Id, ct))
        {
            return Error.Keyed("checkin.not_open", ErrorKind.Conflict, "Attendance.checkin.not_open");
        }

        var changed = await db.Set<Enrollment>()
            .Where(e => e.Id == enrollment.Id && e.CheckedInAt != null && e.CheckedOutAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.CheckedOutAt, at)
                .SetProperty(e => e.CheckOutMethod, method)
                .SetProperty(e => e.CheckedOutByUserId, actor.UserId), ct);
        if (changed == 0)
        {
            return Error.Keyed("checkin.already_out", ErrorKind.Conflict, "Attendance.checkin.already_out");
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(Enrollment), enrollment.Id, activity.OrgUnitId, new Dictionary<string, object?>
        {
            [nameof(Enrollment.CheckedOutAt)] = new { old = (DateTime?)null, @new = at },
            [nameof(Enrollment.CheckOutMethod)] = new { old = (string?)null, @new = method.ToString() },
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ReloadAsync(enrollment.Id, ct);
    }

    /// <summary>
    /// Takes the activity row's lock (a no-op UPDATE) and re-checks its status inside the transaction: a
    /// finish that committed meanwhile is seen (PostgreSQL re-reads the row after waiting), and a finish that
    /// comes later waits for this check-in, so no attendance lands after the records were made. Unscoped
    /// because a volunteer may check in to an activity of a unit above their own.
    /// </summary>
    private async Task<bool> StillOpenAsync(long activityId, CancellationToken ct) =>
        await db.Set<Activity>().Unscoped(because: Why.UnitAbove)
            .Where(a => a.Id == activityId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Ongoing))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, a => a.Status), ct) == 1;

    private async Task<Result<EnrollmentDto>> ReloadAsync(long enrollmentId, CancellationToken ct) =>
        EnrollmentDto.From(await db.Set<Enrollment>().AsNoTracking().SingleAsync(e => e.Id == enrollmentId, ct));
}
