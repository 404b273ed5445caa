using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Training.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Training.Features;

/// <summary>
/// Training sessions (培训场次): admins of a unit (or of a unit above it) hold them; the county's volunteers see them
/// and sign up themselves, or an organiser enrols them; the organiser marks attendance once the session has begun, and
/// attended sessions are the volunteer's training hours (apart from service hours, RULES.md). Sessions are county rows:
/// everyone of the county sees them, only admins whose subtree holds the session's unit manage it.
/// </summary>
/// <remarks>
/// Capacity under concurrency: one transaction raises the session's <c>EnrolledCount</c> with ONE conditional UPDATE
/// (<c>WHERE EnrolledCount &lt; Capacity</c>) and checks the affected rows before it inserts the place. On PostgreSQL the
/// UPDATE waits for the row lock of any other sign-up and re-checks the condition on the newest row; on SQLite the
/// write transaction (BEGIN IMMEDIATE) excludes other writers. The same lock makes the "already enrolled" check inside
/// the transaction see every committed place; the unique (session, volunteer) index is the last word.
/// </remarks>
public sealed class SessionsHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IVolunteerDirectory volunteers, IPeopleDirectory people, TimeProvider clock)
{
    public async Task<Result<TrainingDto>> CreateAsync(CreateTrainingRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Training.field.orgUnitId");
        }

        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            fields.AddRequired("title", "Training.field.title");
        }
        else if (title.Length > TrainingSession.MaxTitleLength)
        {
            fields.AddTooLong("title", "Training.field.title", TrainingSession.MaxTitleLength);
        }

        if (request.StartsAt is null)
        {
            fields.AddRequired("startsAt", "Training.field.startsAt");
        }

        if (request.Hours is null)
        {
            fields.AddRequired("hours", "Training.field.hours");
        }
        else if (request.Hours is <= 0 or > TrainingSession.MaxHours || decimal.Round(request.Hours.Value * 60) != request.Hours.Value * 60)
        {
            fields.Add("hours", "Training.error.hours_range", TrainingSession.MaxHours);
        }

        var trainer = request.Trainer?.Trim();
        if (string.IsNullOrEmpty(trainer))
        {
            fields.AddRequired("trainer", "Training.field.trainer");
        }
        else if (trainer.Length > TrainingSession.MaxTrainerLength)
        {
            fields.AddTooLong("trainer", "Training.field.trainer", TrainingSession.MaxTrainerLength);
        }

        var place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim();
        if (place?.Length > TrainingSession.MaxPlaceLength)
        {
            fields.AddTooLong("place", "Training.field.place", TrainingSession.MaxPlaceLength);
        }

        if (request.Capacity is < 1 or > TrainingSession.MaxCapacity)
        {
            fields.Add("capacity", "Training.error.capacity_range", TrainingSession.MaxCapacity);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        // Admins hold sessions for their own unit or one below it; a unit outside the subtree is not theirs to name.
        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { CountyId: { } countyId } unit || unit.Status != OrgUnitStatus.Active)
        {
            return Error.NotFound("org.not_found");
        }

        string? courseTitle = null;
        if (request.CourseId is { } courseId)
        {
            courseTitle = await db.Set<Course>().Where(c => c.Id == courseId && c.CountyId == countyId).Select(c => c.Title).SingleOrDefaultAsync(ct);
            if (courseTitle is null)
            {
                return FieldErrors.One("courseId", "training_course.not_found", "Training.error.course_not_found");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = TrainingSession.Create(
            countyId, unit.Id, request.CourseId, title!, request.StartsAt!.Value.UtcDateTime, (int)(request.Hours!.Value * 60), trainer!, place,
            request.Capacity ?? TrainingSession.DefaultCapacity, now);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return TrainingDto.From(session, now, unit.Name, courseTitle, canManage: true);
    }

    /// <summary>The county's sessions, newest first (or, <c>upcoming</c>, those not yet begun, soonest first), with the caller's own places.</summary>
    public async Task<Result<PageOf<TrainingDto>>> ListAsync(ListTrainingsRequest request, CancellationToken ct)
    {
        if (RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = Visible().AsNoTracking();
        query = request.Upcoming ? query.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).ThenBy(s => s.Id) : query.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id);
        var page = await query.ToPageAsync(paging, ct);
        return new PageOf<TrainingDto>(await DtosAsync(page.Items, ct), page.Page, page.PageSize, page.Total);
    }

    public async Task<Result<TrainingDto>> GetAsync(long id, CancellationToken ct)
    {
        if (RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        if (await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } session)
        {
            return TrainingErrors.SessionNotFound();
        }

        return (await DtosAsync([session], ct))[0];
    }

    /// <summary>The calling volunteer's places and training hours (attended sessions only).</summary>
    public async Task<Result<MyTrainingDto>> MineAsync(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me)
        {
            return Error.NotFound("volunteer.not_found");
        }

        var sessions = await (from e in db.Set<TrainingEnrollment>()
                              join s in db.Set<TrainingSession>() on e.SessionId equals s.Id
                              where e.VolunteerId == me.Id
                              orderby s.StartsAt descending, s.Id descending
                              select s).AsNoTracking().Take(200).ToListAsync(ct);
        var dtos = await DtosAsync(sessions, ct);
        var attended = dtos.Where(d => d.Attended).ToList();
        return new MyTrainingDto(me.Id, attended.Sum(d => d.Hours), attended.Count, dtos);
    }

    /// <summary>The places of a session, for its organisers.</summary>
    public async Task<Result<IReadOnlyList<TraineeDto>>> TraineesAsync(long id, CancellationToken ct)
    {
        if (await ManagedAsync(id, ct) is { Error: { } refused })
        {
            return refused;
        }

        var rows = await db.Set<TrainingEnrollment>().AsNoTracking().Where(e => e.SessionId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var personOf = await volunteers.PersonIdsUnscopedAsync([.. rows.Select(r => r.VolunteerId)], ct);
        var names = await people.NamesAsync([.. personOf.Values], ct);
        return rows.ConvertAll(r => new TraineeDto(
            r.SessionId, r.VolunteerId,
            personOf.TryGetValue(r.VolunteerId, out var person) && names.TryGetValue(person, out var name) ? name : Text.Get("Training.ui.volunteer_no", r.VolunteerId),
            r.Attended, Text.ToChinaTime(r.EnrolledAt)));
    }

    public async Task<Result<TraineeDto>> EnrollAsync(long id, EnrollTraineeRequest request, CancellationToken ct)
    {
        if (request.VolunteerId is not { } volunteerId)
        {
            return FieldErrors.Required("volunteerId", "Training.field.volunteerId");
        }

        if (RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        if (await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } session)
        {
            return TrainingErrors.SessionNotFound();
        }

        var volunteer = await volunteers.FindUnscopedAsync(volunteerId, ct);
        var isSelf = volunteer is not null && actor.PersonId is { } personId && volunteer.PersonId == personId;
        if (!isSelf)
        {
            // Enrolling someone else is the organisers' part: admins of the session's unit or above.
            if (!actor.IsAdmin)
            {
                return Error.Forbidden();
            }

            if (!await CanManageAsync(session, ct))
            {
                return Error.Forbidden();
            }

            volunteer = await volunteers.FindAsync(volunteerId, ct);
        }

        if (volunteer is null || volunteer.CountyId != session.CountyId)
        {
            return Error.NotFound("volunteer.not_found");
        }

        if (!volunteer.IsApproved)
        {
            return TrainingErrors.VolunteerNotApproved();
        }

        // Volunteers sign up before the class; an organiser may still add someone who came (then marks attendance).
        var now = clock.GetUtcNow().UtcDateTime;
        if (isSelf && session.HasStarted(now))
        {
            return TrainingErrors.Started();
        }

        var places = db.Set<TrainingEnrollment>();
        if (await places.AnyAsync(e => e.SessionId == id && e.VolunteerId == volunteerId, ct))
        {
            return TrainingErrors.AlreadyEnrolled();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Set<TrainingSession>().Where(s => s.Id == id && s.CountyId == session.CountyId && s.EnrolledCount < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount + 1), ct);
        if (taken != 1)
        {
            await transaction.RollbackAsync(ct);
            return TrainingErrors.Full();
        }

        // Under the session's row lock now: a place committed by a parallel request of the same volunteer is visible.
        if (await places.AnyAsync(e => e.SessionId == id && e.VolunteerId == volunteerId, ct))
        {
            await transaction.RollbackAsync(ct);
            return TrainingErrors.AlreadyEnrolled();
        }

        var place = TrainingEnrollment.Create(session, volunteerId, actor.UserId, now);
        places.Add(place);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(ct);
            return TrainingErrors.AlreadyEnrolled();
        }

        await transaction.CommitAsync(ct);
        var name = await people.NamesAsync([volunteer.PersonId], ct);
        return new TraineeDto(id, volunteerId, name.GetValueOrDefault(volunteer.PersonId) ?? Text.Get("Training.ui.volunteer_no", volunteerId), false, Text.ToChinaTime(now));
    }

    /// <summary>Gives a place back before the session begins: the volunteer themselves or an organiser.</summary>
    public async Task<Result<bool>> WithdrawAsync(long id, long volunteerId, CancellationToken ct)
    {
        if (RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        if (await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } session)
        {
            return TrainingErrors.SessionNotFound();
        }

        var me = await MeAsync(ct);
        if (me?.Id != volunteerId && !await CanManageAsync(session, ct))
        {
            return Error.Forbidden();
        }

        if (session.HasStarted(clock.GetUtcNow().UtcDateTime))
        {
            return TrainingErrors.Started();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var place = await db.Set<TrainingEnrollment>().SingleOrDefaultAsync(e => e.SessionId == id && e.VolunteerId == volunteerId, ct);
        if (place is null)
        {
            return TrainingErrors.NotEnrolled();
        }

        db.Remove(place);
        await db.SaveChangesAsync(ct);
        await db.Set<TrainingSession>().Where(s => s.Id == id && s.CountyId == session.CountyId && s.EnrolledCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount - 1), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>出勤: the listed volunteers attended, the session's other places did not. Only once the session has begun.</summary>
    public async Task<Result<IReadOnlyList<TraineeDto>>> MarkAttendanceAsync(long id, MarkAttendanceRequest request, CancellationToken ct)
    {
        var managed = await ManagedAsync(id, ct);
        if (managed.Error is { } refused)
        {
            return refused;
        }

        if (request.VolunteerIds is null)
        {
            return FieldErrors.Required("volunteerIds", "Training.field.volunteerIds");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!managed.Value.HasStarted(now))
        {
            return TrainingErrors.NotStarted();
        }

        var places = await db.Set<TrainingEnrollment>().Where(e => e.SessionId == id).ToListAsync(ct);
        var present = request.VolunteerIds.ToHashSet();
        if (present.Except(places.Select(p => p.VolunteerId)).Any())
        {
            return FieldErrors.One("volunteerIds", "training.not_enrolled", "Training.error.not_enrolled");
        }

        foreach (var place in places)
        {
            place.MarkAttendance(present.Contains(place.VolunteerId), now);
        }

        await db.SaveChangesAsync(ct);
        return await TraineesAsync(id, ct);
    }

    /// <summary>For an admin's home page: begun sessions (of the last 30 days) of their units with places whose attendance nobody marked yet.</summary>
    public async Task<int> AttendanceToMarkAsync(CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        var units = await Visible().Where(s => s.StartsAt <= now && s.StartsAt > since
                && db.Set<TrainingEnrollment>().Any(e => e.SessionId == s.Id && e.AttendanceMarkedAt == null))
            .Select(s => s.OrgUnitId).ToListAsync(ct);
        var mine = await orgs.NamesAsync([.. units.Distinct()], ct);
        return units.Count(mine.ContainsKey);
    }

    /// <summary>The sessions of the caller's county (all for a system admin bound to none).</summary>
    public IQueryable<TrainingSession> Visible()
    {
        var county = actor.CountyId;
        return county is null && actor.IsSystemAdmin ? db.Set<TrainingSession>() : db.Set<TrainingSession>().Where(s => s.CountyId == county);
    }

    /// <summary>Whether the caller administers the session's unit or a unit above it.</summary>
    public async Task<bool> CanManageAsync(TrainingSession session, CancellationToken ct) =>
        actor.IsAdmin && await orgs.FindAsync(session.OrgUnitId, ct) is not null;

    private async Task<Result<TrainingSession>> ManagedAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await Visible().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } session)
        {
            return TrainingErrors.SessionNotFound();
        }

        return await CanManageAsync(session, ct) ? session : Error.Forbidden();
    }

    /// <summary>Overseers and volunteers read the county's sessions; residents who are not volunteers have nothing here.</summary>
    private Error? RequireReader() => actor.RequireAny(
        Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.StationAdmin, Role.Supervisor, Role.TeamLeader, Role.Volunteer);

    private async Task<VolunteerInfo?> MeAsync(CancellationToken ct) =>
        actor.PersonId is { } personId ? await volunteers.FindByPersonUnscopedAsync(personId, ct) : null;

    private async Task<IReadOnlyList<TrainingDto>> DtosAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken ct)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = sessions.Select(s => s.Id).ToList();
        var courseIds = sessions.Where(s => s.CourseId is not null).Select(s => s.CourseId!.Value).Distinct().ToList();
        var courses = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var units = await orgs.NamesAsync([.. sessions.Select(s => s.OrgUnitId).Distinct()], ct);
        var managed = units.Keys.ToHashSet();
        var names = units.ToDictionary();
        var me = await MeAsync(ct);
        var mine = me is null
            ? []
            : await db.Set<TrainingEnrollment>().AsNoTracking().Where(e => e.VolunteerId == me.Id && ids.Contains(e.SessionId)).ToDictionaryAsync(e => e.SessionId, e => e.Attended, ct);
        var result = new List<TrainingDto>(sessions.Count);
        foreach (var s in sessions)
        {
            // NamesAsync answers for the caller's subtree: exactly the units whose sessions they manage.
            var manages = actor.IsAdmin && managed.Contains(s.OrgUnitId);
            if (!names.TryGetValue(s.OrgUnitId, out var unitName))
            {
                // A unit above a volunteer's own: named for them all the same (where the class is held).
                unitName = (await orgs.FindUnscopedAsync(s.OrgUnitId, ct))?.Name ?? "";
                names[s.OrgUnitId] = unitName;
            }

            result.Add(TrainingDto.From(
                s, now, unitName, s.CourseId is { } c ? courses.GetValueOrDefault(c) : null, manages, mine.ContainsKey(s.Id), mine.GetValueOrDefault(s.Id)));
        }

        return result;
    }
}
