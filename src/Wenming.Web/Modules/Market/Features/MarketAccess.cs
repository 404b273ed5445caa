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
public sealed class MarketAccess(AppDbContext db, CurrentActor actor, OrgScope scope)
{
    public bool Oversees => actor.IsAdmin || actor.Has(Role.Supervisor);

    /// <summary>
    /// The caller's own unit and those above it up to the county, nearest first. Read from what the request already
    /// knows, not from the database: the scope's prefix is the caller's unit path (read with the account, ADR 0003) and
    /// the account's county is its unit's. An unrestricted caller (a system admin) oversees and has no shelf path.
    /// </summary>
    public Task<List<long>> ShopUnitsAsync(CancellationToken ct) =>
        Task.FromResult(actor.OrgUnitId is null || scope.IsUnrestricted ? [] : ShopUnits(scope.PathPrefix, actor.CountyId));

    /// <summary>Where a person of <paramref name="home"/> may redeem: that unit and the ones above it up to the county.</summary>
    public static List<long> ShopUnits(OrgUnitInfo home) => ShopUnits(home.Path, home.CountyId);

    private static List<long> ShopUnits(string path, long? countyId)
    {
        var ids = new List<long>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, out var id))
            {
                return []; // not a unit path (a scope that allows nothing)
            }

            ids.Add(id);
        }

        ids.Reverse();
        // Stop at the county: the city's guidance center keeps no shelf for residents.
        return countyId is { } county && ids.IndexOf(county) is var at and >= 0 ? ids[..(at + 1)] : ids;
    }

    /// <summary>Goods the caller may see: in the subtree for overseers, on the shopping path for everyone else.</summary>
    public async Task<Goods?> VisibleGoodsAsync(long id, CancellationToken ct) =>
        await VisibleGoodsAsync(id, Oversees ? [] : await ShopUnitsAsync(ct), ct);

    /// <summary>As above, with the caller's shopping units already read (<see cref="ShopUnitsAsync"/>; ignored for overseers).</summary>
    public Task<Goods?> VisibleGoodsAsync(long id, List<long> units, CancellationToken ct) =>
        Oversees ? GoodsInScopeAsync(id, ct) : OnShoppingPath.For(db)(db, id, units, ct);

    /// <summary>Goods by id in the caller's scope (the counter's read of a redemption): read in every redemption, so compiled (ADR 0081).</summary>
    public Task<Goods?> GoodsInScopeAsync(long id, CancellationToken ct) => InScope.For(db)(db, id, ct);

    private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<Goods?>>> InScope = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<Goods>().AsNoTracking().SingleOrDefault(g => g.Id == id)));

    private static readonly CompiledPerModel<Func<AppDbContext, long, List<long>, CancellationToken, Task<Goods?>>> OnShoppingPath = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, long id, List<long> units, CancellationToken ct) => db.Set<Goods>().Unscoped(Why.UnitAbove).AsNoTracking()
            .SingleOrDefault(g => g.Id == id && g.Active && units.Contains(g.OrgUnitId))));

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
