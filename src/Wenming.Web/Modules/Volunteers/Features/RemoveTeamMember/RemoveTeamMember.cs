using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.RemoveTeamMember;

/// <summary>Removes a member (not the leader: a team always has its leader among its members).</summary>
public sealed class RemoveTeamMemberHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<bool>> HandleAsync(long teamId, long volunteerId, CancellationToken ct)
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

        if (!await TeamAccess.CanManageAsync(db, actor, team, ct))
        {
            return Error.Forbidden();
        }

        var member = await db.Set<TeamMember>().SingleOrDefaultAsync(m => m.TeamId == teamId && m.VolunteerId == volunteerId, ct);
        if (member is null)
        {
            return Error.NotFound("team.member_not_found");
        }

        if (volunteerId == team.LeaderVolunteerId)
        {
            return Error.Conflict("team.leader_cannot_leave");
        }

        db.Remove(member);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
