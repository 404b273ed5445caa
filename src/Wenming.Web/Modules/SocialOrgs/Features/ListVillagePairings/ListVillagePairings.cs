using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.ListVillagePairings;

public sealed record VillagePairingsDto(long VillageUnitId, string VillageName, IReadOnlyList<PairingDto> Items);

/// <summary>
/// The organizations helping a village, for anyone signed in whose subtree holds it (a village's
/// residents may know who their partners are). Active pairings first, then ended ones if asked.
/// </summary>
public sealed class ListVillagePairingsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs)
{
    public async Task<Result<VillagePairingsDto>> HandleAsync(long villageUnitId, bool includeEnded, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        var village = await orgs.FindAsync(villageUnitId, ct);
        if (village is null)
        {
            return Error.NotFound("org.not_found");
        }

        var pairings = await db.Set<Pairing>().AsNoTracking()
            .Where(p => p.OrgUnitId == village.Id && (includeEnded || p.EndedOn == null))
            .OrderBy(p => p.EndedOn != null).ThenBy(p => p.StartedOn).ThenBy(p => p.Id)
            .ToListAsync(ct);
        return new VillagePairingsDto(village.Id, village.Name, await PairingNames.DescribeAsync(db, orgs, pairings, ct));
    }
}
