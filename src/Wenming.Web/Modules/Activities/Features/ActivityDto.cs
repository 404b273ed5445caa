using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features;

public sealed record ActivityDto(
    long Id, long OrgUnitId, long? TeamId, string Title, string? Description, ActivityCategory Category, string CategoryLabel, string Place,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, DateTimeOffset? SignUpStartsAt, DateTimeOffset? SignUpEndsAt,
    int WaitlistCapacity, string? RecruitmentConditions, ActivityStatus Status, int EnrolledCount, int WaitlistCount, DateTimeOffset CreatedAt,
    bool ArchiveComplete, long? SeriesId = null, long? VenueBookingId = null, long? VenueId = null)
{
    public static ActivityDto From(Activity a) => new(
        a.Id, a.OrgUnitId, a.TeamId, a.Title, a.Description, a.Category, Text.Get("activity.category." + a.Category), a.Place,
        Text.ToChinaTime(a.StartsAt), Text.ToChinaTime(a.EndsAt), a.Capacity,
        a.SignUpStartsAt is { } s ? Text.ToChinaTime(s) : null, a.SignUpEndsAt is { } e ? Text.ToChinaTime(e) : null,
        a.WaitlistCapacity, a.RecruitmentConditions, a.Status, a.EnrolledCount, a.WaitlistCount, Text.ToChinaTime(a.CreatedAt),
        a.ArchiveComplete, a.SeriesId, a.VenueBookingId, a.VenueId);
}

/// <summary>A place or waiting position with its attendance: how and by whom (user id) each time was recorded, the no-show mark, the service record made on finishing.</summary>
public sealed record EnrollmentDto(
    long VolunteerId, EnrollmentStatus Status, int? Position, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt,
    CheckInMethod? CheckInMethod = null, long? CheckedInBy = null, CheckInMethod? CheckOutMethod = null, long? CheckedOutBy = null,
    bool NoShow = false, long? ServiceRecordId = null)
{
    public static EnrollmentDto From(Enrollment e) => new(
        e.VolunteerId, e.Status, e.Position,
        e.CheckedInAt is { } i ? Text.ToChinaTime(i) : null, e.CheckedOutAt is { } o ? Text.ToChinaTime(o) : null,
        e.CheckInMethod, e.CheckedInByUserId, e.CheckOutMethod, e.CheckedOutByUserId, e.NoShowAt is not null, e.ServiceRecordId);
}

/// <summary>Who may see and run an activity: admins of its subtree (query filter), its team's leader, and volunteers near it.</summary>
public sealed class ActivityAccess(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IVolunteerDirectory volunteers)
{
    /// <summary>An activity in the caller's subtree that they may manage (admins, or the leader of its team).</summary>
    public async Task<Result<Activity>> ManageableAsync(long id, bool track, CancellationToken ct)
    {
        var query = track ? db.Set<Activity>() : db.Set<Activity>().AsNoTracking();
        var activity = await query.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Error.NotFound("activity.not_found");
        }

        if (actor.IsAdmin || (activity.TeamId is { } teamId && await LeadsAsync(teamId, ct)))
        {
            return activity;
        }

        return Error.Forbidden();
    }

    /// <summary>Whether the actor is the leader of this team (visible in their scope).</summary>
    public async Task<bool> LeadsAsync(long teamId, CancellationToken ct) =>
        actor.Has(Role.TeamLeader) && actor.PersonId is { } personId
        && await volunteers.FindTeamAsync(teamId, ct) is { } team && team.LeaderPersonId == personId;

    /// <summary>
    /// Ids of the actor's own unit and its ancestors, nearest first. The unit path "/1/2/4/5/" lists them;
    /// read unscoped because the ancestors are above the actor's subtree by definition.
    /// </summary>
    public async Task<IReadOnlyList<long>> PathUpwardsAsync(CancellationToken ct)
    {
        if (actor.OrgUnitId is not { } unitId || await orgs.FindUnscopedAsync(unitId, ct) is not { } unit)
        {
            return [];
        }

        return [.. unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Reverse()];
    }

    /// <summary>
    /// An activity the actor may see: in their subtree, or (deliberately wider than the subtree scope)
    /// a non-draft activity of a unit on their own unit's path, which volunteers may join.
    /// </summary>
    public async Task<Activity?> VisibleAsync(long id, CancellationToken ct)
    {
        if (await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } inScope)
        {
            return inScope;
        }

        var path = await PathUpwardsAsync(ct);
        return await db.Set<Activity>().Unscoped(because: Why.UnitAbove).AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.Status != ActivityStatus.Draft && path.Contains(a.OrgUnitId), ct);
    }
}
