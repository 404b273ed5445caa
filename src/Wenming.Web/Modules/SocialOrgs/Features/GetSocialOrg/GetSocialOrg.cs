using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;

/// <summary>An organization with its active pairings (those with villages the caller can see).</summary>
public sealed class GetSocialOrgHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs)
{
    public async Task<Result<SocialOrgDto>> HandleAsync(long id, CancellationToken ct)
    {
        if (actor.RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        var org = await SocialOrgQueries.Readable(db, actor).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Error.NotFound("socialorg.not_found");
        }

        var pairings = await db.Set<Pairing>().AsNoTracking()
            .Where(p => p.SocialOrganizationId == id && p.EndedOn == null)
            .OrderBy(p => p.StartedOn).ThenBy(p => p.Id)
            .ToListAsync(ct);
        return SocialOrgDto.From(org, await PairingNames.DescribeAsync(db, orgs, pairings, ct));
    }
}
