using System.Collections.Concurrent;
using System.ComponentModel;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features.ManageGoods;

/// <summary>API.md's body plus the optional description and donor of the first stock.</summary>
public sealed record CreateGoodsRequest(long? OrgUnitId, string? Name, long? PricePoints, int? Stock, string? Description = null, string? Donor = null);

public sealed record EditGoodsRequest(string? Name, long? PricePoints, string? Description, bool? Active);

/// <summary>
/// Stock coming in or corrected: <c>Donation</c> (donor required), <c>Purchase</c>, or <c>Adjustment</c>
/// (loss, damage, a recount; negative allowed down to zero, a note saying why required).
/// </summary>
public sealed record StockInRequest(int? Quantity, StockSource? Source, string? Note = null, string? Donor = null);

public sealed record ListGoodsRequest
{
    public long? OrgUnitId { get; set; }

    [DefaultValue(false)]
    public bool? IncludeInactive { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Goods and their stock. Admins keep the goods of the units of their subtree; residents see the active
/// goods of their own unit and the units above it (<see cref="MarketAccess"/>). Every stock change is
/// one conditional UPDATE of the goods row (so it never goes below zero, whatever runs at the same time)
/// plus its movement row, in one transaction: the stock is always the sum of its movements.
/// </summary>
public sealed class GoodsHandler(AppDbContext db, CurrentActor actor, MarketAccess access, IOrgDirectory orgs, TimeProvider clock)
{
    /// <summary>
    /// A resident's shelf: the active goods of their unit and the units above it up to the county, the resident's most
    /// used list (issue 19). A hand-written statement built once per number of units (at most four: county, township,
    /// village, point, <c>OrgNesting</c>), not a LINQ query: even compiled, EF Core's query pipeline and the entity
    /// materializer cost more of the web process's CPU than the statement (ADR 0085, as ADR 0082 for the account read).
    /// It names the county as well as the units, so that a database distributed by county sends it to one shard
    /// (docs/scaling.md). Columns in the order <see cref="ShelfRow"/> takes them.
    /// </summary>
    private static readonly ConcurrentDictionary<int, RawStatement> Shelves = new();

    private static RawStatement Shelf(int units) =>
        Shelves.GetOrAdd(units, static count => new RawStatement(because: Why.UnitAbove, model => ShelfFormat(model, count)));

    private static string ShelfFormat(IModel model, int units)
    {
        var goods = model.FindEntityType(typeof(Goods))!;
        string[] columns = [.. new[]
        {
            nameof(Goods.Id), nameof(Goods.OrgUnitId), nameof(Goods.Name), nameof(Goods.PricePoints), nameof(Goods.Stock),
            nameof(Goods.Description), nameof(Goods.Donor), nameof(Goods.PhotoFileId), nameof(Goods.UpdatedAt),
        }.Select(p => RawStatement.Column(goods, "g", p))];
        var unitList = string.Join(", ", Enumerable.Range(1, units).Select(i => $"{{{i}}}"));
        return $"SELECT {string.Join(", ", columns)} FROM {RawStatement.Table(goods)} AS g"
            + $" WHERE {RawStatement.Column(goods, "g", nameof(Goods.CountyId))} = {{0}} AND {RawStatement.Column(goods, "g", nameof(Goods.Active))}"
            + $" AND {RawStatement.Column(goods, "g", nameof(Goods.OrgUnitId))} IN ({unitList})";
    }

    private static GoodsDto ShelfRow(DbDataReader r) => GoodsDto.Of(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetInt64(3),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        active: true,
        r.IsDBNull(7) ? null : r.GetInt64(7),
        r.GetDateTime(8));

    public async Task<Result<GoodsDto>> CreateAsync(CreateGoodsRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Market.field.orgUnitId");
        }

        CheckDetails(fields, request.Name, request.PricePoints, request.Description);
        if (request.Stock is not { } stock)
        {
            fields.AddRequired("stock", "Market.field.stock");
        }
        else if (stock is < 0 or > Goods.MaxStock)
        {
            fields.Add("stock", "Market.error.stock_range", Goods.MaxStock);
        }

        if (request.Donor is { } donor && donor.Trim().Length > Goods.MaxDonorLength)
        {
            fields.AddTooLong("donor", "Market.field.donor", Goods.MaxDonorLength);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { } unit)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("orgUnitId", "goods.unit_not_allowed", "Market.error.unit_not_allowed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var goods = Goods.Create(countyId, unit.Id, request.Name!, request.PricePoints!.Value, request.Description, request.Donor, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(goods);
        await db.SaveChangesAsync(ct);
        if (request.Stock > 0)
        {
            var source = string.IsNullOrWhiteSpace(request.Donor) ? StockSource.Initial : StockSource.Donation;
            await MoveAsync(goods, source, request.Stock.Value, request.Donor, null, ct);
        }

        await transaction.CommitAsync(ct);
        return GoodsDto.From(await ReloadAsync(goods.Id, ct));
    }

    public async Task<Result<GoodsDto>> GetAsync(long id, CancellationToken ct) =>
        await access.VisibleGoodsAsync(id, ct) is { } goods ? GoodsDto.From(goods) : MarketErrors.GoodsNotFound();

    public async Task<Result<PageOf<GoodsDto>>> ListAsync(ListGoodsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (access.Oversees)
        {
            var query = db.Set<Goods>().AsNoTracking().Where(g => request.IncludeInactive == true || g.Active);
            if (request.OrgUnitId is { } unitId)
            {
                if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
                {
                    return Error.NotFound("org.not_found");
                }

                query = query.Where(g => under.Contains(g.OrgUnitId));
            }

            var page = await query.OrderBy(g => g.OrgUnitId).ThenBy(g => g.Name).ThenBy(g => g.Id).ToPageAsync(paging, ct);
            return new PageOf<GoodsDto>([.. page.Items.Select(GoodsDto.From)], page.Page, page.PageSize, page.Total);
        }

        var path = await access.ShopUnitsAsync(ct);
        if (request.OrgUnitId is { } wanted && !path.Contains(wanted))
        {
            return Error.NotFound("org.not_found");
        }

        List<long> units = request.OrgUnitId is { } only ? [only] : path;
        // Goods are only ever kept by a unit of a county (CreateAsync), so a caller without one has an empty shelf.
        var items = units.Count == 0 || actor.CountyId is not { } county
            ? []
            : await Shelf(units.Count).ReadAsync(db, ShelfRow, ct, [county, .. units.Select(u => (object)u)]);
        var sorted = items.OrderBy(g => units.IndexOf(g.OrgUnitId)).ThenBy(g => g.PricePoints).ThenBy(g => g.Id).ToList();
        return new PageOf<GoodsDto>(
            [.. sorted.Skip(paging.Skip).Take(paging.SafePageSize)], paging.SafePage, paging.SafePageSize, sorted.Count);
    }

    /// <summary>Name, price, description and the active flag (an inactive item leaves the shelf; open redemptions keep their price).</summary>
    public async Task<Result<GoodsDto>> EditAsync(long id, EditGoodsRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        CheckDetails(fields, request.Name, request.PricePoints, request.Description);
        if (request.Active is null)
        {
            fields.AddRequired("active", "Market.field.active");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<Goods>().SingleOrDefaultAsync(g => g.Id == id, ct) is not { } goods)
        {
            return MarketErrors.GoodsNotFound();
        }

        goods.Edit(request.Name!, request.PricePoints!.Value, request.Description, request.Active!.Value, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return GoodsDto.From(goods);
    }

    public async Task<Result<GoodsDto>> StockInAsync(long id, StockInRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.Source is not ({ } source and (StockSource.Donation or StockSource.Purchase or StockSource.Adjustment)))
        {
            fields.Add("source", "Market.error.source_invalid");
            source = default;
        }

        if (request.Quantity is not { } quantity)
        {
            fields.AddRequired("quantity", "Market.field.quantity");
            quantity = 0;
        }
        else if (quantity == 0 || Math.Abs(quantity) > Goods.MaxStock || (quantity < 0 && source != StockSource.Adjustment))
        {
            fields.Add("quantity", source == StockSource.Adjustment ? "Market.error.adjust_quantity" : "Market.error.in_quantity", Goods.MaxStock);
        }

        if (source == StockSource.Donation && string.IsNullOrWhiteSpace(request.Donor))
        {
            fields.AddRequired("donor", "Market.field.donor");
        }
        else if (request.Donor is { } donor && donor.Trim().Length > Goods.MaxDonorLength)
        {
            fields.AddTooLong("donor", "Market.field.donor", Goods.MaxDonorLength);
        }

        if (source == StockSource.Adjustment && string.IsNullOrWhiteSpace(request.Note))
        {
            fields.Add("note", "Market.error.adjust_note");
        }
        else if (request.Note is { } note && note.Trim().Length > StockMovement.MaxNoteLength)
        {
            fields.AddTooLong("note", "Market.field.note", StockMovement.MaxNoteLength);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<Goods>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) is not { } goods)
        {
            return MarketErrors.GoodsNotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await MoveAsync(goods, source, quantity, source == StockSource.Donation ? request.Donor : null, request.Note, ct) is null)
        {
            await transaction.RollbackAsync(ct);
            var now = await db.Set<Goods>().AsNoTracking().Where(g => g.Id == id).Select(g => g.Stock).SingleAsync(ct);
            return quantity < 0 ? MarketErrors.StockBelowZero(now) : FieldErrors.One("quantity", "goods.stock_too_high", "Market.error.stock_too_high", Goods.MaxStock);
        }

        await transaction.CommitAsync(ct);
        return GoodsDto.From(await ReloadAsync(id, ct));
    }

    public async Task<Result<PageOf<StockMovementDto>>> MovementsAsync(long goodsId, PageRequest paging, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (!await db.Set<Goods>().AnyAsync(g => g.Id == goodsId, ct))
        {
            return MarketErrors.GoodsNotFound();
        }

        var page = await db.Set<StockMovement>().AsNoTracking().Where(m => m.GoodsId == goodsId).OrderByDescending(m => m.Id).ToPageAsync(paging, ct);
        return new PageOf<StockMovementDto>([.. page.Items.Select(StockMovementDto.From)], page.Page, page.PageSize, page.Total);
    }

    /// <summary>
    /// Moves stock by <paramref name="quantity"/> inside the caller's transaction: one conditional UPDATE
    /// (the row lock orders concurrent moves; the condition keeps the stock within 0…max), then the stock
    /// after it, read back inside the same transaction, goes on the movement row. Null when refused.
    /// </summary>
    private async Task<int?> MoveAsync(Goods goods, StockSource source, int quantity, string? donor, string? note, CancellationToken ct)
    {
        var row = db.Set<Goods>().Where(g => g.Id == goods.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await row.Where(g => g.Stock + quantity >= 0 && g.Stock + quantity <= Goods.MaxStock)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Stock, g => g.Stock + quantity).SetProperty(g => g.UpdatedAt, now), ct);
        if (moved == 0)
        {
            return null;
        }

        var after = await row.AsNoTracking().Select(g => g.Stock).SingleAsync(ct);
        db.AuditDirectWrite(AuditAction.Updated, nameof(Goods), goods.Id, goods.OrgUnitId, new Dictionary<string, object?> { ["Stock"] = after });
        db.Add(StockMovement.Record(goods, source, quantity, after, donor, note, null, actor.UserId, actor.Login, now));
        await db.SaveChangesAsync(ct);
        return after;
    }

    private Task<Goods> ReloadAsync(long id, CancellationToken ct) =>
        db.Set<Goods>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleAsync(g => g.Id == id, ct);

    private static void CheckDetails(FieldErrors fields, string? name, long? price, string? description)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            fields.AddRequired("name", "Market.field.name");
        }
        else if (name.Trim().Length > Goods.MaxNameLength)
        {
            fields.AddTooLong("name", "Market.field.name", Goods.MaxNameLength);
        }

        if (price is null)
        {
            fields.AddRequired("pricePoints", "Market.field.pricePoints");
        }
        else if (price is < 1 or > Goods.MaxPrice)
        {
            fields.Add("pricePoints", "Market.error.price_range", Goods.MaxPrice);
        }

        if (description is { } text && text.Trim().Length > Goods.MaxDescriptionLength)
        {
            fields.AddTooLong("description", "Market.field.description", Goods.MaxDescriptionLength);
        }
    }
}
