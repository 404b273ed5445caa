using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
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
/// One database transaction (ADR 0015): (1) ONE conditional UPDATE takes the stock
/// (<c>Stock = Stock - q WHERE Id = … AND Active AND Stock &gt;= q</c>; rows affected decides, so the stock
/// is never oversold and never below zero: on PostgreSQL the UPDATE waits for the row lock and re-checks
/// the condition on the newest row, on SQLite the write transaction (BEGIN IMMEDIATE) excludes other
/// writers); (2) the redemption and its stock movement are written; (3) the points are debited through
/// <see cref="IPointsLedger.PostAsync"/> (kind Redemption, strict, source <c>redemption:{id}</c>), which
/// joins this transaction. If the balance is short the whole transaction rolls back: no stock taken, no
/// redemption, no movement. Locks are taken goods row first, account row second everywhere in the
/// market (cancel: redemption, goods, account), so redemptions and cancels cannot deadlock. Points only:
/// service hours and volunteer stars are not touched.
/// </remarks>
public sealed class RedeemHandler(
    AppDbContext db, CurrentActor actor, OrgScope scope, MarketAccess access, IOrgDirectory orgs, IPeopleDirectory people, IPointsLedger ledger, TimeProvider clock)
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
        if (self)
        {
            goods = await access.VisibleGoodsAsync(request.GoodsId!.Value, ct);
            // An admin redeeming for themselves still shops only where they live.
            if (goods is not null && !(await access.ShopUnitsAsync(ct)).Contains(goods.OrgUnitId))
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

            goods = await db.Set<Goods>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == request.GoodsId!.Value, ct);
            if (goods is null)
            {
                return MarketErrors.GoodsNotFound();
            }

            if (await people.FindAsync(personId!.Value, ct) is not { } person)
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

        if (!goods.Active)
        {
            return MarketErrors.Inactive();
        }

        // The resident's own redemption may be at a unit above their subtree (a township's shelf): the
        // checks above authorized it, so the write guard is lifted for this transaction's saves.
        using var unrestricted = scope.Unscoped(because: Why.UnitAbove);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RedeemOnceAsync(goods, personId!.Value, quantity, atCounter: !self, personName, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two redemptions of different goods drew the same pickup code at the same moment (the
                // partial unique index refused the second): start again with a new code.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<RedemptionDto>> RedeemOnceAsync(Goods goods, long personId, int quantity, bool atCounter, string? personName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = db.Set<Goods>().Unscoped(because: Why.UnitAbove).Where(g => g.Id == goods.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await row.Where(g => g.Active && g.Stock >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Stock, g => g.Stock - quantity).SetProperty(g => g.UpdatedAt, now), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            var active = await row.AsNoTracking().Select(g => g.Active).SingleOrDefaultAsync(ct);
            return active ? MarketErrors.OutOfStock() : MarketErrors.Inactive();
        }

        // Our own uncommitted write: the row stays locked by this transaction until commit. The price is
        // read here too, so a price edited meanwhile is the one paid.
        var current = await row.AsNoTracking().Select(g => new { g.Stock, g.PricePoints, g.Name }).SingleAsync(ct);
        db.AuditDirectWrite(AuditAction.Updated, nameof(Goods), goods.Id, goods.OrgUnitId, new Dictionary<string, object?> { ["Stock"] = current.Stock });

        var redemption = Redemption.Create(goods, personId, quantity, current.PricePoints, current.Name, atCounter, actor.UserId, now);
        var open = db.Set<Redemption>().Unscoped(because: Why.Uniqueness).Where(r => r.Status == RedemptionStatus.Open);
        for (var i = 0; i < 10 && await open.AnyAsync(r => r.PickupCode == redemption.PickupCode, ct); i++)
        {
            redemption.Recode();
        }

        db.Add(redemption);
        await db.SaveChangesAsync(ct);
        db.Add(StockMovement.Record(goods, StockSource.Redemption, -quantity, current.Stock, null, null, redemption.Id, actor.UserId, actor.Login, now));

        // Saves the movement too, inside this transaction.
        var paid = await ledger.PostAsync(
            new PointPosting(personId, -redemption.Points, PointKind.Redemption, "redemption:" + redemption.Id, Text.Get("Market.ledger.redeemed", current.Name, quantity), DebitRule.Strict),
            ct);
        if (!paid.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return paid.Outcome == PostingOutcome.PersonNotFound
                ? Error.NotFound("person.not_found")
                : MarketErrors.Insufficient(paid.BalanceAfter, redemption.Points);
        }

        await transaction.CommitAsync(ct);
        return RedemptionDto.From(redemption, personName, paid.BalanceAfter);
    }
}
