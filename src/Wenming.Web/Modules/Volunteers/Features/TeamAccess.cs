using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features;

/// <summary>Who may manage a team's members: admins of its subtree (the query filter) and its own leader.</summary>
public static class TeamAccess
{
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
