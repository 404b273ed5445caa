using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Volunteers.Features.GetTeam;

/// <summary>A team of the caller's subtree (teams are public within it: residents look for one to join).</summary>
public sealed class GetTeamHandler(AppDbContext db)
{
    public async Task<Result<TeamDto>> HandleAsync(long id, CancellationToken ct)
    {
        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return team is null ? Error.NotFound("team.not_found") : TeamDto.From(team, await TeamAccess.MemberCountAsync(db, id, ct));
    }
}
