using Microsoft.EntityFrameworkCore;
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
        var found = await TeamAccess.ManageableAsync(db, actor, teamId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var team = found.Value;

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
