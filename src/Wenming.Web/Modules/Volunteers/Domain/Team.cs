using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>Team categories of DESIGN §4 (labels in Resources/Volunteers.resx, key team.category.X).</summary>
public enum TeamCategory
{
    TheoryPreaching = 1,
    PolicyPreaching = 2,
    CultureArts = 3,
    Health = 4,
    Legal = 5,
    Science = 6,
    Ecology = 7,
    CustomsReform = 8,
    ElderlyDisabled = 9,
    Children = 10,
    Convenience = 11,
    Emergency = 12,
    Other = 99,
}

/// <summary>A volunteer team (志愿服务队) of an org unit, led by an approved volunteer.</summary>
public sealed class Team : IOrgScoped
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
