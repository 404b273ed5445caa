using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>A volunteer team (志愿服务队) of an org unit, led by an approved volunteer.</summary>
public sealed class Team : IOrgScoped, ICountyScoped
{
    private Team()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public TeamCategory Category { get; private set; }

    public long LeaderVolunteerId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Team Create(long countyId, long orgUnitId, string name, TeamCategory category, long leaderVolunteerId, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Name = name.Trim(),
        Category = category,
        LeaderVolunteerId = leaderVolunteerId,
        CreatedAt = nowUtc,
    };
}

/// <summary>
/// A volunteer's membership of a team. Scoped by the team's unit (not the volunteer's), so whoever
/// manages the team manages its member list.
/// </summary>
public sealed class TeamMember : IOrgScoped
{
    private TeamMember()
    {
    }

    public long Id { get; private set; }

    public long TeamId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long VolunteerId { get; private set; }

    public DateTime JoinedAt { get; private set; }

    public static TeamMember Join(Team team, long volunteerId, DateTime nowUtc) => new()
    {
        TeamId = team.Id,
        OrgUnitId = team.OrgUnitId,
        VolunteerId = volunteerId,
        JoinedAt = nowUtc,
    };
}
