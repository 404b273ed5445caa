using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.SocialOrgs.Features;

/// <summary>Shows pairings with the names of both sides.</summary>
internal static class PairingNames
{
    /// <summary>
    /// The caller already sees these pairings (the village is in their subtree), so the partner's
    /// name is shown even when the organization itself is registered above their unit.
    /// </summary>
    public static async Task<IReadOnlyList<PairingDto>> DescribeAsync(AppDbContext db, IOrgDirectory orgs, IReadOnlyList<Pairing> pairings, CancellationToken ct)
    {
        var orgIds = pairings.Select(p => p.SocialOrganizationId).Distinct().ToList();
        var orgNames = await db.Set<SocialOrganization>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var villageNames = new Dictionary<long, string>();
        foreach (var villageId in pairings.Select(p => p.OrgUnitId).Distinct())
        {
            villageNames[villageId] = (await orgs.FindUnscopedAsync(villageId, ct))?.Name ?? "—";
        }

        return pairings.Select(p => PairingDto.From(p, orgNames.GetValueOrDefault(p.SocialOrganizationId, "—"), villageNames[p.OrgUnitId])).ToList();
    }
}
