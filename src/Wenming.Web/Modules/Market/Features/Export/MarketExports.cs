using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features.Export;

/// <summary>
/// The market's Excel exports for admins (ADR 0010): redemptions (the counter list's filters), the stock
/// (goods with their current stock) and the inventory ledger, each in the caller's subtree, optionally
/// one unit's subtree, up to <see cref="ExcelExport.MaxRows"/> rows.
/// </summary>
public sealed class MarketExportsHandler(AppDbContext db, CurrentActor actor, RedemptionsHandler redemptions, IOrgDirectory orgs, IPeopleDirectory people, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> RedemptionsAsync(long? orgUnitId, RedemptionStatus? status, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await redemptions.QueryAsync(orgUnitId, status, ct);
        if (query is null)
        {
            return error!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var rows = await query.OrderByDescending(r => r.Id).ToListAsync(ct);
        var names = await people.NamesAsync([.. rows.Select(r => r.PersonId).Distinct()], ct);
        var units = await UnitNamesAsync(ct);
        string[] headers =
        [
            H("number"), H("createdAt"), H("person"), H("goods"), H("quantity"), H("unitPrice"), H("points"), H("status"), H("atCounter"),
            H("pickedUpAt"), H("pickedUpBy"), H("cancelledAt"), H("unit"),
        ];
        var data = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, r.CreatedAt, names.GetValueOrDefault(r.PersonId), r.GoodsName, r.Quantity, r.UnitPrice, r.Points, MarketLabels.Status(r.Status),
            Text.Get(r.AtCounter ? "Market.export.yes" : "Market.export.no"), r.PickedUpAt, r.PickedUpByName, r.CancelledAt, units.GetValueOrDefault(r.OrgUnitId),
        ]);
        return ExcelExport.File("Market.export.redemptions_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Market.export.redemptions_sheet"), headers, data));
    }

    public async Task<Result<ExcelFile>> StockAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var query = db.Set<Goods>().AsNoTracking();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(g => under.Contains(g.OrgUnitId));
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var goods = await query.OrderBy(g => g.OrgUnitId).ThenBy(g => g.Name).ToListAsync(ct);
        var units = await UnitNamesAsync(ct);
        string[] headers = [H("goods"), H("unit"), H("price"), H("stock"), H("donor"), H("active"), H("description")];
        var data = goods.Select(g => (IReadOnlyList<object?>)
        [
            g.Name, units.GetValueOrDefault(g.OrgUnitId), g.PricePoints, g.Stock, g.Donor, Text.Get(g.Active ? "Market.export.on_shelf" : "Market.export.off_shelf"), g.Description,
        ]);
        return ExcelExport.File("Market.export.stock_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Market.export.stock_sheet"), headers, data));
    }

    /// <summary>The inventory ledger, of one item or of a unit's subtree.</summary>
    public async Task<Result<ExcelFile>> MovementsAsync(long? orgUnitId, long? goodsId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var query = db.Set<StockMovement>().AsNoTracking();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(m => under.Contains(m.OrgUnitId));
        }

        if (goodsId is { } only)
        {
            if (!await db.Set<Goods>().AnyAsync(g => g.Id == only, ct))
            {
                return MarketErrors.GoodsNotFound();
            }

            query = query.Where(m => m.GoodsId == only);
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var movements = await query.OrderByDescending(m => m.Id).ToListAsync(ct);
        var goodsIds = movements.Select(m => m.GoodsId).Distinct().ToList();
        var goodsNames = await db.Set<Goods>().AsNoTracking().Where(g => goodsIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var units = await UnitNamesAsync(ct);
        string[] headers = [H("at"), H("goods"), H("unit"), H("source"), H("change"), H("stockAfter"), H("donor"), H("note"), H("redemption"), H("by")];
        var data = movements.Select(m => (IReadOnlyList<object?>)
        [
            m.At, goodsNames.GetValueOrDefault(m.GoodsId), units.GetValueOrDefault(m.OrgUnitId), MarketLabels.Source(m.Source), m.Quantity, m.StockAfter, m.Donor, m.Note,
            m.RedemptionId, m.ByName,
        ]);
        return ExcelExport.File("Market.export.movements_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Market.export.movements_sheet"), headers, data));
    }

    private async Task<Dictionary<long, string>> UnitNamesAsync(CancellationToken ct) => (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);

    private static string H(string column) => Text.Get("Market.col." + column);
}
