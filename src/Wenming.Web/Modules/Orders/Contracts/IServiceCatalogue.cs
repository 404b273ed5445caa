using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Orders.Contracts;

/// <summary>A service a resident may order (服务菜单) as the public portal shows it: the catalogue entry, never the providing teams.</summary>
public sealed record PublicServiceInfo(long Id, long OrgUnitId, string Name, TeamCategory Category, string? Description);

/// <summary>The service catalogue for other modules.</summary>
public interface IServiceCatalogue
{
    /// <summary>The active items of these units (the portal: a unit's own and those above it), by name; anyone may read them.</summary>
    Task<IReadOnlyList<PublicServiceInfo>> PublicItemsAsync(IReadOnlyCollection<long> unitIds, int take, CancellationToken ct = default);
}

internal sealed class ServiceCatalogue(AppDbContext db) : IServiceCatalogue
{
    public async Task<IReadOnlyList<PublicServiceInfo>> PublicItemsAsync(IReadOnlyCollection<long> unitIds, int take, CancellationToken ct = default) =>
        await db.Set<ServiceItem>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(i => unitIds.Contains(i.OrgUnitId) && i.Active)
            .OrderBy(i => i.Category).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Take(take)
            .Select(i => new PublicServiceInfo(i.Id, i.OrgUnitId, i.Name, i.Category, i.Description))
            .ToListAsync(ct);
}
