using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>What other modules (activities) need to know about a volunteer.</summary>
public sealed record VolunteerInfo(long Id, long PersonId, long OrgUnitId, long CountyId, bool IsApproved);

/// <summary>What other modules need to know about a team: its unit and the leader's person.</summary>
public sealed record TeamInfo(long Id, long OrgUnitId, long LeaderVolunteerId, long LeaderPersonId, string Name = "");

/// <summary>A team member as other modules (orders) list them: who may be reported as having served.</summary>
public sealed record TeamMemberInfo(long VolunteerId, long PersonId, string? VolunteerNumber);

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

    /// <summary>The names of teams by id, regardless of scope (lists of orders name the team that serves).</summary>
    Task<IReadOnlyDictionary<long, string>> TeamNamesUnscopedAsync(IReadOnlyCollection<long> teamIds, CancellationToken ct = default);

    /// <summary>The person behind each volunteer, regardless of scope: for system jobs that address people.</summary>
    Task<IReadOnlyDictionary<long, long>> PersonIdsUnscopedAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct = default);

    /// <summary>Teams led by the person, regardless of scope (a leader's own teams, e.g. their order inbox).</summary>
    Task<IReadOnlyList<TeamInfo>> TeamsLedByUnscopedAsync(long personId, CancellationToken ct = default);

    /// <summary>Teams of exactly this unit, regardless of scope (who may claim the unit's pool orders).</summary>
    Task<IReadOnlyList<TeamInfo>> TeamsOfUnitUnscopedAsync(long orgUnitId, CancellationToken ct = default);

    /// <summary>The members of a team, regardless of scope: only for callers who already authorized the team.</summary>
    Task<IReadOnlyList<TeamMemberInfo>> TeamMembersUnscopedAsync(long teamId, CancellationToken ct = default);

    /// <summary>A team's category regardless of scope: training asks it when a volunteer signs up to the team's activity.</summary>
    Task<TeamCategory?> TeamCategoryUnscopedAsync(long teamId, CancellationToken ct = default);
}

internal sealed class VolunteerDirectory(AppDbContext db) : IVolunteerDirectory
{
    private static readonly NamesById TeamNames = new((db, ids) =>
        db.Set<Team>().Unscoped(Why.CrossUnitReference).Where(t => ids.Contains(t.Id)).Select(t => new KeyValuePair<long, string>(t.Id, t.Name)));

    public Task<VolunteerInfo?> FindAsync(long volunteerId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().Where(v => v.Id == volunteerId), ct);

    public Task<VolunteerInfo?> FindUnscopedAsync(long volunteerId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).Where(v => v.Id == volunteerId), ct);

    public Task<VolunteerInfo?> FindByPersonUnscopedAsync(long personId, CancellationToken ct = default) =>
        Project(db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).Where(v => v.PersonId == personId), ct);

    public async Task<TeamInfo?> FindTeamAsync(long teamId, CancellationToken ct = default)
    {
        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return null;
        }

        var leaderPersonId = await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).Where(v => v.Id == team.LeaderVolunteerId).Select(v => v.PersonId).SingleOrDefaultAsync(ct);
        return new TeamInfo(team.Id, team.OrgUnitId, team.LeaderVolunteerId, leaderPersonId, team.Name);
    }

    public Task<IReadOnlyDictionary<long, string>> TeamNamesUnscopedAsync(IReadOnlyCollection<long> teamIds, CancellationToken ct = default) =>
        TeamNames.ReadAsync(db, teamIds, ct);

    public async Task<IReadOnlyDictionary<long, long>> PersonIdsUnscopedAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct = default) =>
        await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(v => volunteerIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.PersonId, ct);

    public Task<IReadOnlyList<TeamInfo>> TeamsLedByUnscopedAsync(long personId, CancellationToken ct = default) =>
        Teams(db.Set<Team>().Unscoped(because: Why.CrossUnitReference).Where(t => db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).Any(v => v.Id == t.LeaderVolunteerId && v.PersonId == personId)), ct);

    public Task<IReadOnlyList<TeamInfo>> TeamsOfUnitUnscopedAsync(long orgUnitId, CancellationToken ct = default) =>
        Teams(db.Set<Team>().Unscoped(because: Why.CrossUnitReference).Where(t => t.OrgUnitId == orgUnitId), ct);

    public async Task<IReadOnlyList<TeamMemberInfo>> TeamMembersUnscopedAsync(long teamId, CancellationToken ct = default) =>
        await (from m in db.Set<TeamMember>().Unscoped(because: Why.CrossUnitReference)
               join v in db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference) on m.VolunteerId equals v.Id
               where m.TeamId == teamId
               orderby m.Id
               select new TeamMemberInfo(v.Id, v.PersonId, v.VolunteerNumber)).ToListAsync(ct);

    public async Task<TeamCategory?> TeamCategoryUnscopedAsync(long teamId, CancellationToken ct = default) =>
        await db.Set<Team>().Unscoped(because: Why.CrossUnitReference).Where(t => t.Id == teamId).Select(t => (TeamCategory?)t.Category).SingleOrDefaultAsync(ct);

    private async Task<IReadOnlyList<TeamInfo>> Teams(IQueryable<Team> query, CancellationToken ct) =>
        await (from t in query
               join v in db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference) on t.LeaderVolunteerId equals v.Id
               orderby t.Id
               select new TeamInfo(t.Id, t.OrgUnitId, t.LeaderVolunteerId, v.PersonId, t.Name)).ToListAsync(ct);

    private static Task<VolunteerInfo?> Project(IQueryable<Volunteer> query, CancellationToken ct) =>
        query.AsNoTracking()
            .Select(v => new VolunteerInfo(v.Id, v.PersonId, v.OrgUnitId, v.CountyId, v.Status == VolunteerStatus.Approved))
            .SingleOrDefaultAsync(ct);
}
