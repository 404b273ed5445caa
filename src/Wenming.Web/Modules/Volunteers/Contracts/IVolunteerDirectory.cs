using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>What other modules (activities) need to know about a volunteer.</summary>
public sealed record VolunteerInfo(long Id, long PersonId, long OrgUnitId, long CountyId, bool IsApproved);

/// <summary>What other modules need to know about a team: its unit and the leader's person.</summary>
public sealed record TeamInfo(long Id, long OrgUnitId, long LeaderVolunteerId, long LeaderPersonId);

/// <summary>Read-only look-ups of volunteers and teams for other modules.</summary>
public interface IVolunteerDirectory
{
    /// <summary>A volunteer in the caller's org scope, or null.</summary>
    Task<VolunteerInfo?> FindAsync(long volunteerId, CancellationToken ct = default);

    /// <summary>A volunteer regardless of scope: only for checks the caller already authorized (e.g. "is this me").</summary>
    Task<VolunteerInfo?> FindUnscopedAsync(long volunteerId, CancellationToken ct = default);

    /// <summary>The registration of a person regardless of scope (a person registers once).</summary>
    Task<VolunteerInfo?> FindByPersonUnscopedAsync(long personId, CancellationToken ct = default);

    /// <summary>A team in the caller's org scope, or null.</summary>
    Task<TeamInfo?> FindTeamAsync(long teamId, CancellationToken ct = default);

    /// <summary>The person behind each volunteer, regardless of scope: for system jobs that address people.</summary>
    Task<IReadOnlyDictionary<long, long>> PersonIdsUnscopedAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct = default);
}

internal sealed class VolunteerDirectory(AppDbContext db) : IVolunteerDirectory
{
    public Task<VolunteerInfo?> FindAsync(long volunteerId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().Where(v => v.Id == volunteerId), ct);

    public Task<VolunteerInfo?> FindUnscopedAsync(long volunteerId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Id == volunteerId), ct);

    public Task<VolunteerInfo?> FindByPersonUnscopedAsync(long personId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.PersonId == personId), ct);

    public async Task<TeamInfo?> FindTeamAsync(long teamId, CancellationToken ct = default)
    {
        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return null;
        }

        var leaderPersonId = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Id == team.LeaderVolunteerId).Select(v => v.PersonId).SingleOrDefaultAsync(ct);
        return new TeamInfo(team.Id, team.OrgUnitId, team.LeaderVolunteerId, leaderPersonId);
    }

    public async Task<IReadOnlyDictionary<long, long>> PersonIdsUnscopedAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct = default) =>
        await db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => volunteerIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.PersonId, ct);

    private static Task<VolunteerInfo?> Project(IQueryable<Volunteer> query, CancellationToken ct) =>
        query.AsNoTracking()
            .Select(v => new VolunteerInfo(v.Id, v.PersonId, v.OrgUnitId, v.CountyId, v.Status == VolunteerStatus.Approved))
            .SingleOrDefaultAsync(ct);
}
