using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features;

/// <summary>
/// Who reaches which goods and redemptions. Admins (and supervisors, reading) work on their subtree
/// through the normal query filter. A resident shops where they live: the goods of their own unit and
/// of the units above it up to the county, nearest first (a deliberate widening of the subtree scope,
/// like nearby activities and the service catalog), and sees their own redemptions wherever they are.
/// </summary>
public sealed class MarketAccess(AppDbContext db, CurrentActor actor, IOrgDirectory orgs)
{
    public bool Oversees => actor.IsAdmin || actor.Has(Role.Supervisor);

    /// <summary>The caller's own unit and those above it up to the county, nearest first.</summary>
    public async Task<List<long>> ShopUnitsAsync(CancellationToken ct)
    {
        if (actor.OrgUnitId is not { } unitId || await orgs.FindUnscopedAsync(unitId, ct) is not { } unit)
        {
            return [];
        }

        return ShopUnits(unit);
    }

    /// <summary>Where a person of <paramref name="home"/> may redeem: that unit and the ones above it up to the county.</summary>
    public static List<long> ShopUnits(OrgUnitInfo home)
    {
        var ids = home.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Reverse().ToList();
        // Stop at the county: the city's guidance center keeps no shelf for residents.
        return home.CountyId is { } county && ids.IndexOf(county) is var at and >= 0 ? ids[..(at + 1)] : ids;
    }

    /// <summary>Goods the caller may see: in the subtree for overseers, on the shopping path for everyone else.</summary>
    public async Task<Goods?> VisibleGoodsAsync(long id, CancellationToken ct) =>
        await VisibleGoodsAsync(id, Oversees ? [] : await ShopUnitsAsync(ct), ct);

    /// <summary>As above, with the caller's shopping units already read (<see cref="ShopUnitsAsync"/>; ignored for overseers).</summary>
    public async Task<Goods?> VisibleGoodsAsync(long id, List<long> units, CancellationToken ct)
    {
        if (Oversees)
        {
            return await db.Set<Goods>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        }

        return await db.Set<Goods>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.Active && units.Contains(g.OrgUnitId), ct);
    }

    /// <summary>A redemption of the caller's own, or one in an admin's subtree.</summary>
    public async Task<Redemption?> VisibleRedemptionAsync(long id, CancellationToken ct)
    {
        if (actor.PersonId is { } personId
            && await db.Set<Redemption>().Unscoped(because: Why.OwnRecords).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.PersonId == personId, ct) is { } own)
        {
            return own;
        }

        return Oversees ? await db.Set<Redemption>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) : null;
    }
}
