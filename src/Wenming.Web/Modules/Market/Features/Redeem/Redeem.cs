using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features.Redeem;

/// <summary>API.md's body. A resident may leave <paramref name="PersonId"/> out (themselves); <paramref name="Quantity"/> defaults to 1.</summary>
public sealed record RedeemRequest(long? GoodsId, long? PersonId, int? Quantity = null);

/// <summary>
/// Redeems goods for points. A resident redeems for themselves, goods of their own unit or the units
/// above it; counter staff (an admin whose subtree holds the goods) redeem for a resident of their
/// subtree who lives where the goods are offered.
/// </summary>
/// <remarks>
/// One database transaction (ADR 0015): (1) the redemption is written at the price read; (2) the points are debited
/// through <see cref="IPointsLedger.SpendAsync"/> (kind Redemption, strict, source <c>redemption:{id}</c>: new by
/// construction), one conditional UPDATE of the account that joins this transaction, with its posting; (3) ONE
/// conditional UPDATE takes the stock and returns what it became (<c>Stock = Stock - q WHERE Id = … AND Active AND
/// Stock &gt;= q AND PricePoints = the price paid RETURNING Stock</c>; no row back decides, so the stock is never
/// oversold and never below zero: on PostgreSQL the UPDATE waits for the row lock and re-checks the condition on the
/// newest row, on SQLite the write transaction (BEGIN IMMEDIATE) excludes other writers), and the stock movement is
/// written. A short balance or a short stock rolls the whole transaction back: no stock taken, no redemption, no
/// movement, no points. The goods row is locked last (ADR 0065): every redemption of a rush waits for it, so it is
/// held only for the stock UPDATE, the movement and the commit. Locks are taken account row first, goods row second
/// everywhere in the market (cancel: redemption, account, goods), so redemptions and cancels cannot deadlock.
/// Points only: service hours and volunteer stars are not touched. Issue 19 cut the statements of one redemption
/// from 38 to about a dozen (RedemptionStatementCountTests keeps it so): the person and the unit are read once,
/// nothing is re-read that the UPDATEs return, the pickup code's uniqueness is left to its partial unique index (a
/// clash is retried with a new code), and no savepoints. On PostgreSQL the stock, the movement, their audit rows and the
/// commit go in one round trip (ADR 0070), so the goods row is locked for the server's execution only; the redemption
/// with its audit row, and the spending with its posting and their audit rows, are one statement each (ADR 0072):
/// three round trips in the transaction instead of six.
/// </remarks>
public sealed class RedeemHandler(
    AppDbContext db, CurrentActor actor, OrgScope scope, MarketAccess access, IOrgDirectory orgs, IPeopleDirectory people, IPointsLedger ledger,
    RollupMarks marks, TimeProvider clock)
{
    public async Task<Result<RedemptionDto>> HandleAsync(RedeemRequest request, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        var fields = new FieldErrors();
        if (request.GoodsId is null)
        {
            fields.AddRequired("goodsId", "Market.field.goodsId");
        }

        var personId = request.PersonId ?? actor.PersonId;
        if (personId is null)
        {
            fields.AddRequired("personId", "Market.field.personId");
        }

        var quantity = request.Quantity ?? 1;
        if (quantity is < 1 or > Redemption.MaxQuantity)
        {
            fields.Add("quantity", "Market.error.quantity_range", Redemption.MaxQuantity);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var self = personId == actor.PersonId;
        Goods? goods;
        string? personName;
        PersonInfo? person = null;
        if (self)
        {
            // The shopping units are read once: for the goods' visibility and for the check below.
            var units = await access.ShopUnitsAsync(ct);
            goods = await access.VisibleGoodsAsync(request.GoodsId!.Value, units, ct);
            // An admin redeeming for themselves still shops only where they live.
            if (goods is not null && !units.Contains(goods.OrgUnitId))
            {
                goods = null;
            }

            personName = null;
        }
        else
        {
            if (actor.RequireAdmin() is { } forbidden)
            {
                return forbidden;
            }

            goods = await access.GoodsInScopeAsync(request.GoodsId!.Value, ct);
            if (goods is null)
            {
                return MarketErrors.GoodsNotFound();
            }

            // Goods the counter may see that cannot be had answer before the person is looked up: in a rush,
            // when the shelf is empty, that is two reads fewer for every request that comes too late.
            if (Unavailable(goods, quantity) is { } unavailable)
            {
                return unavailable;
            }

            person = await people.FindAsync(personId!.Value, ct);
            if (person is null)
            {
                return Error.NotFound("person.not_found");
            }

            // The counter serves those the shelf is for: the goods' unit must be on the person's path.
            var home = await orgs.FindUnscopedAsync(person.OrgUnitId, ct);
            if (home is null || !MarketAccess.ShopUnits(home).Contains(goods.OrgUnitId))
            {
                return FieldErrors.One("personId", "redemption.person_not_served", "Market.error.person_not_served");
            }

            personName = person.Name;
        }

        if (goods is null)
        {
            return MarketErrors.GoodsNotFound();
        }

        if (Unavailable(goods, quantity) is { } gone)
        {
            return gone;
        }

        // The resident's own redemption may be at a unit above their subtree (a township's shelf): the
        // checks above authorized it, so the write guard is lifted for this transaction's saves.
        using var unrestricted = scope.Unscoped(because: Why.UnitAbove);
        // The ledger needs the person's unit (the account moves along with the person): read once, here.
        person ??= await people.FindAsync(personId!.Value, ct);
        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        // No automatic savepoints (EF Core sets one around each SaveChanges inside an explicit transaction, two
        // statements each): they only help code that goes on in the same transaction after a failed save, and
        // this one never does. A failed save throws out of RedeemOnceAsync, whose transaction is rolled back
        // as a whole on dispose, and the retry below starts a new one from a cleared change tracker.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (result, changed) = await RedeemOnceAsync(goods, person, quantity, atCounter: !self, personName, ct);
                    if (result is { } answer)
                    {
                        return answer;
                    }

                    // The price was edited since the goods were read: the redemption is made again at the new
                    // price (the one paid is always the price of the moment the stock is taken).
                    goods = changed!;
                    if (attempt >= MaxAttempts)
                    {
                        return MarketErrors.OutOfStock();
                    }
                }
                catch (Exception e) when (attempt < MaxAttempts && e is DbUpdateException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    // Two redemptions drew the same pickup code while both open (the partial unique index
                    // refused the second; rare, one in a million per open redemption): start again with a new code.
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>A clash of pickup codes (or a price edited meanwhile) starts the redemption again, this many times in all.</summary>
    private const int MaxAttempts = 5;

    /// <summary>
    /// Inactive or sold out when read: the answer is true of that moment, and stock only comes back by a donation, a
    /// purchase or a cancel, which may as well have come a moment later. Saves the transaction in a rush.
    /// </summary>
    private static Error? Unavailable(Goods goods, int quantity) =>
        !goods.Active ? MarketErrors.Inactive() : goods.Stock < quantity ? MarketErrors.OutOfStock() : null;

    /// <summary>
    /// One attempt in one transaction. The goods row is the one every redemption of a rush contends for, so its lock is
    /// taken last (ADR 0065): the redemption, the account's debit and the posting are written first, each person's own
    /// rows, and only the stock UPDATE, the movement with the audit rows and the commit run while the goods row is
    /// locked. Returns the answer, or (null, the goods as they are now) when the price was edited since
    /// <paramref name="goods"/> was read and the attempt was rolled back.
    /// </summary>
    private async Task<(Result<RedemptionDto>? Result, Goods? Changed)> RedeemOnceAsync(
        Goods goods, PersonInfo person, int quantity, bool atCounter, string? personName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // At the price and name read; the stock UPDATE below holds the price to it.
        var redemption = Redemption.Create(goods, person.Id, quantity, goods.PricePoints, goods.Name, atCounter, actor.UserId, now);
        // The redemption's id is the ledger's source key and the movement's reference.
        if (db.Database.IsNpgsql())
        {
            await InsertRedemptionAsync(redemption, ct);
        }
        else
        {
            db.Add(redemption);
            await db.SaveChangesAsync(ct);
        }

        // The account's row lock (PostgreSQL) first, the goods' second: the order every market transaction keeps
        // (a cancel: the redemption, the account, the goods), so none of them can deadlock another.
        var paid = await ledger.SpendAsync(
            new PointPosting(person.Id, -redemption.Points, PointKind.Redemption, "redemption:" + redemption.Id, Text.Get("Market.ledger.redeemed", goods.Name, quantity), DebitRule.Strict),
            person.OrgUnitId,
            person.CountyId,
            ct);
        if (!paid.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (MarketErrors.Insufficient(paid.BalanceAfter, redemption.Points), null);
        }

        int? stockAfter;
        if (db.Database.IsNpgsql())
        {
            stockAfter = await TakeStockAndCommitAsync(goods, quantity, redemption.Id, now, ct);
        }
        else
        {
            stockAfter = await TakeStockAsync(goods, quantity, redemption.Id, now, ct);
            if (stockAfter is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        if (stockAfter is null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var fresh = await db.Set<Goods>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleOrDefaultAsync(g => g.Id == goods.Id, ct);
            return fresh is null ? (MarketErrors.GoodsNotFound(), null)
                : Unavailable(fresh, quantity) is { } unavailable ? (unavailable, null)
                : (null, fresh);
        }

        return (RedemptionDto.From(redemption, personName, paid.BalanceAfter), null);
    }

    /// <summary>
    /// PostgreSQL (ADR 0072): the redemption, its audit row and its roll-up mark in one statement and one round trip,
    /// as the change tracker would write them in two (the audit row needs the id the INSERT returns). A pickup code
    /// that clashes with an open redemption's fails the statement with a unique violation, retried by the caller.
    /// </summary>
    private async Task InsertRedemptionAsync(Redemption redemption, CancellationToken ct)
    {
        var created = db.AuditRow(AuditAction.Created, nameof(Redemption), "", redemption.OrgUnitId, db.AuditChangesOfNew(redemption));
        var (units, days, sources) = marks.MarksOfNew(redemption);
        var status = redemption.Status.ToString();
        var createdAction = nameof(AuditAction.Created);
        var ids = await db.Database.ReadAsync(
            $"""
            WITH r AS (
                INSERT INTO mkt_redemptions ("GoodsId", "OrgUnitId", "CountyId", "PersonId", "GoodsName", "Quantity", "UnitPrice", "Points",
                    "PickupCode", "Status", "AtCounter", "CreatedByUserId", "CreatedAt")
                VALUES ({redemption.GoodsId}::bigint, {redemption.OrgUnitId}::bigint, {redemption.CountyId}::bigint, {redemption.PersonId}::bigint,
                    {redemption.GoodsName}::text, {redemption.Quantity}::integer, {redemption.UnitPrice}::bigint, {redemption.Points}::bigint,
                    {redemption.PickupCode}::text, {status}::text, {redemption.AtCounter}::boolean, {redemption.CreatedByUserId}::bigint,
                    {redemption.CreatedAt}::timestamptz)
                RETURNING "Id"),
            a AS (
                INSERT INTO plat_audit_entries ("At", "UserId", "Login", "IpAddress", "Action", "EntityType", "EntityId", "OrgUnitId", "Changes")
                SELECT {created.At}::timestamptz, {created.UserId}::bigint, {created.Login}::text, {created.IpAddress}::text, {createdAction}::text,
                    {created.EntityType}::text, r."Id"::text, {created.OrgUnitId}::bigint, {created.Changes}::text
                FROM r),
            d AS (
                INSERT INTO stat_dirty ("OrgUnitId", "Day", "Source")
                SELECT x.unit, x.day, x.source FROM unnest({units}::bigint[], {days}::date[], {sources}::text[]) AS x(unit, day, source))
            SELECT "Id" FROM r
            """, r => r.GetInt64(0), ct);
        db.Entry(redemption).Property(r => r.Id).CurrentValue = ids[0];
    }

    /// <summary>
    /// SQLite: takes the stock and returns what it became in one statement (the conditional UPDATE never oversells
    /// and never goes below zero: the write transaction excludes other writers), then saves the movement with the
    /// audit rows. Null when the goods cannot be had (any more) as read; the caller commits or rolls back.
    /// </summary>
    private async Task<int?> TakeStockAsync(Goods goods, int quantity, long redemptionId, DateTime now, CancellationToken ct)
    {
        var taken = await db.Database.ReadAsync(
            $"""
            UPDATE mkt_goods SET "Stock" = "Stock" - {quantity}, "UpdatedAt" = {now}
            WHERE "Id" = {goods.Id} AND "CountyId" = {goods.CountyId} AND "Active" AND "Stock" >= {quantity} AND "PricePoints" = {goods.PricePoints}
            RETURNING "Stock"
            """, r => r.GetInt32(0), ct);
        if (taken is not [var stock])
        {
            return null;
        }

        // Saved with the movement, in its batch.
        db.AuditDirectWrite(AuditAction.Updated, nameof(Goods), goods.Id, goods.OrgUnitId, new Dictionary<string, object?> { ["Stock"] = stock });
        db.Add(StockMovement.Record(goods, StockSource.Redemption, -quantity, stock, null, null, redemptionId, actor.UserId, actor.Login, now));
        await db.SaveChangesAsync(ct);
        return stock;
    }

    /// <summary>
    /// PostgreSQL (ADR 0070): the goods row is locked for one round trip only. One statement takes the stock
    /// (the same conditional UPDATE: it waits for the row lock and re-checks the condition on the newest row),
    /// writes the movement and the two audit rows the change tracker would write (the goods' stock, the movement
    /// created), and the COMMIT goes in the same batch, so the lock is released by the server as soon as the
    /// statement has run, not after two more round trips to this process and back. When no row matches (sold out,
    /// inactive, price edited meanwhile) the statement fails on purpose (a division by the zero rows taken): the
    /// batch stops before the COMMIT, the transaction is left failed and the caller rolls it back; null then.
    /// </summary>
    private async Task<int?> TakeStockAndCommitAsync(Goods goods, int quantity, long redemptionId, DateTime now, CancellationToken ct)
    {
        // The movement and its audit row as the change tracker would write them, the stock after left open: it is
        // the UPDATE's, spliced into the audit JSON by the statement in place of this placeholder.
        const int Unknown = int.MinValue;
        var movement = StockMovement.Record(goods, StockSource.Redemption, -quantity, Unknown, null, null, redemptionId, actor.UserId, actor.Login, now);
        var created = db.AuditRow(AuditAction.Created, nameof(StockMovement), "", movement.OrgUnitId, db.AuditChangesOfNew(movement));
        var stockAfterKey = $"\"{nameof(StockMovement.StockAfter)}\":";
        var placeholder = stockAfterKey + Unknown.ToString(CultureInfo.InvariantCulture);
        var updated = db.AuditRow(AuditAction.Updated, nameof(Goods), goods.Id.ToString(CultureInfo.InvariantCulture), goods.OrgUnitId, new Dictionary<string, object?> { ["Stock"] = Unknown });
        var unknown = Unknown.ToString(CultureInfo.InvariantCulture);
        var source = nameof(StockSource.Redemption);
        var updatedAction = nameof(AuditAction.Updated);
        var createdAction = nameof(AuditAction.Created);
        try
        {
            var taken = await db.Database.ReadAsync(
                $"""
                WITH g AS (
                    UPDATE mkt_goods SET "Stock" = "Stock" - {quantity}, "UpdatedAt" = {now}
                    WHERE "Id" = {goods.Id} AND "CountyId" = {goods.CountyId} AND "Active" AND "Stock" >= {quantity} AND "PricePoints" = {goods.PricePoints}
                    RETURNING "Stock"),
                m AS (
                    INSERT INTO mkt_stock_movements ("GoodsId", "OrgUnitId", "CountyId", "Source", "Quantity", "StockAfter", "RedemptionId", "ByUserId", "ByName", "At")
                    SELECT {movement.GoodsId}::bigint, {movement.OrgUnitId}::bigint, {movement.CountyId}::bigint, {source}::text, {movement.Quantity}::integer, g."Stock",
                        {redemptionId}::bigint, {movement.ByUserId}::bigint, {movement.ByName}::text, {movement.At}::timestamptz
                    FROM g
                    RETURNING "Id", "StockAfter"),
                a AS (
                    INSERT INTO plat_audit_entries ("At", "UserId", "Login", "IpAddress", "Action", "EntityType", "EntityId", "OrgUnitId", "Changes")
                    SELECT {updated.At}::timestamptz, {updated.UserId}::bigint, {updated.Login}::text, {updated.IpAddress}::text, {updatedAction}::text,
                        {updated.EntityType}::text, {updated.EntityId}::text, {updated.OrgUnitId}::bigint, replace({updated.Changes}::text, {unknown}::text, m."StockAfter"::text)
                    FROM m
                    UNION ALL
                    SELECT {created.At}::timestamptz, {created.UserId}::bigint, {created.Login}::text, {created.IpAddress}::text, {createdAction}::text,
                        {created.EntityType}::text, m."Id"::text, {created.OrgUnitId}::bigint,
                        replace({created.Changes}::text, {placeholder}::text, {stockAfterKey}::text || m."StockAfter")
                    FROM m)
                SELECT (1 / COUNT(*)::integer) * MAX("StockAfter") FROM m;
                COMMIT
                """, r => r.GetInt32(0), ct);
            return taken[0];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DivisionByZero)
        {
            return null;
        }
    }
}
