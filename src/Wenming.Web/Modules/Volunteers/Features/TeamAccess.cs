using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features;

/// <summary>Who may manage a team's members: admins of its subtree (the query filter) and its own leader.</summary>
public static class TeamAccess
{
    /// <summary>The team, if the caller may manage its members: 403 for other roles and other teams' leaders, 404 outside the subtree.</summary>
    public static async Task<Result<Team>> ManageableAsync(AppDbContext db, CurrentActor actor, long teamId, CancellationToken ct)
    {
        if (!actor.IsAdmin && !actor.Has(Role.TeamLeader))
        {
            return Error.Forbidden();
        }

        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return Error.NotFound("team.not_found");
        }

        return await CanManageAsync(db, actor, team, ct) ? team : Error.Forbidden();
    }

    public static async Task<bool> CanManageAsync(AppDbContext db, CurrentActor actor, Team team, CancellationToken ct)
    {
        if (actor.IsAdmin)
        {
            return true;
        }

        if (!actor.Has(Role.TeamLeader) || actor.PersonId is not { } personId)
        {
            return false;
        }

        return await db.Set<Volunteer>().AnyAsync(v => v.Id == team.LeaderVolunteerId && v.PersonId == personId, ct);
    }

    public static Task<int> MemberCountAsync(AppDbContext db, long teamId, CancellationToken ct) =>
        db.Set<TeamMember>().CountAsync(m => m.TeamId == teamId, ct);
}
