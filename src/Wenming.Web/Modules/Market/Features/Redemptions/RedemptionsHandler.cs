using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features.Redemptions;

public sealed record PickupRequest(string? PickupCode);

/// <param name="OrgUnitId">The counter's unit and everything below it.</param>
public sealed record ListRedemptionsRequest
{
    public long? OrgUnitId { get; set; }

    public RedemptionStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Redemptions after they are paid: the person's own list, the counter's list, the pickup at the counter
/// and the cancellation. Pickup and cancel each move the status with ONE conditional UPDATE
/// (<c>… WHERE "Status" = 'Open'</c>): of two counters entering the same code, or two taps on 取消, exactly
/// one changes the row and the other gets 409 redemption.not_open, so goods are handed over once and a
/// refund is paid once (its ledger source key <c>redemption-refund:{id}</c> is the backstop).
/// </summary>
public sealed class RedemptionsHandler(
    AppDbContext db, CurrentActor actor, OrgScope scope, MarketAccess access, IOrgDirectory orgs, IPeopleDirectory people, IPointsLedger ledger, TimeProvider clock)
{
    public async Task<Result<RedemptionDto>> GetAsync(long id, CancellationToken ct) =>
        await access.VisibleRedemptionAsync(id, ct) is { } r ? await DtoAsync(r, null, ct) : MarketErrors.RedemptionNotFound();

    /// <summary>我的兑换: the caller's own, newest first.</summary>
    public async Task<Result<PageOf<RedemptionDto>>> MineAsync(PageRequest paging, CancellationToken ct)
    {
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (actor.PersonId is not { } personId)
        {
            return new PageOf<RedemptionDto>([], paging.SafePage, paging.SafePageSize, 0);
        }

        var page = await db.Set<Redemption>().Unscoped(because: Why.OwnRecords).AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.Id).ToPageAsync(paging, ct);
        return new PageOf<RedemptionDto>([.. page.Items.Select(r => RedemptionDto.From(r, null))], page.Page, page.PageSize, page.Total);
    }

    /// <summary>The counter's list: redemptions of the goods of a unit's subtree (the caller's whole subtree without a unit).</summary>
    public async Task<Result<PageOf<RedemptionDto>>> ListAsync(ListRedemptionsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var (query, error) = await QueryAsync(request.OrgUnitId, request.Status, ct);
        if (query is null)
        {
            return error!;
        }

        var page = await query.OrderByDescending(r => r.Id).ToPageAsync(paging, ct);
        var names = await people.NamesAsync([.. page.Items.Select(r => r.PersonId).Distinct()], ct);
        return new PageOf<RedemptionDto>([.. page.Items.Select(r => RedemptionDto.From(r, names.GetValueOrDefault(r.PersonId)))], page.Page, page.PageSize, page.Total);
    }

    /// <summary>The list's filter, shared with the export.</summary>
    internal async Task<(IQueryable<Redemption>? Query, Error? Error)> QueryAsync(long? orgUnitId, RedemptionStatus? status, CancellationToken ct)
    {
        var query = db.Set<Redemption>().AsNoTracking();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(r => under.Contains(r.OrgUnitId));
        }

        if (status is { } only)
        {
            query = query.Where(r => r.Status == only);
        }

        return (query, null);
    }

    /// <summary>The counter types the code from the resident's phone: the open redemption it names, in the counter's subtree.</summary>
    public async Task<Result<RedemptionDto>> FindByCodeAsync(string? code, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return FieldErrors.Required("pickupCode", "Market.field.pickupCode");
        }

        code = Redemption.NormalizeCode(code);
        if (!Redemption.LooksLikeCode(code))
        {
            return FieldErrors.One("pickupCode", "redemption.code_invalid", "Market.error.code_invalid");
        }

        var redemptions = db.Set<Redemption>().AsNoTracking().Where(r => r.PickupCode == code);
        if (await redemptions.SingleOrDefaultAsync(r => r.Status == RedemptionStatus.Open, ct) is { } open)
        {
            return await DtoAsync(open, null, ct);
        }

        // Say why when the code was real here but is used up; otherwise simply not found.
        var last = await redemptions.OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return last is null ? MarketErrors.CodeNotFound() : MarketErrors.NotOpen(last.Status);
    }

    public async Task<Result<RedemptionDto>> PickUpByCodeAsync(PickupRequest request, CancellationToken ct)
    {
        var found = await FindByCodeAsync(request.PickupCode, ct);
        return found.IsSuccess ? await PickUpAsync(found.Value.Id, ct) : found.Error!;
    }

    /// <summary>确认发放: the goods are handed over, recorded with who and when; once.</summary>
    public async Task<Result<RedemptionDto>> PickUpAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<Redemption>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } redemption)
        {
            return MarketErrors.RedemptionNotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<Redemption>().Where(r => r.Id == id && r.Status == RedemptionStatus.Open).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, RedemptionStatus.PickedUp).SetProperty(r => r.PickedUpAt, now)
                .SetProperty(r => r.PickedUpByUserId, actor.UserId).SetProperty(r => r.PickedUpByName, actor.Login),
            ct);
        if (moved == 0)
        {
            await transaction.RollbackAsync(ct);
            return await NotOpenAsync(id, ct);
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(Redemption), id, redemption.OrgUnitId, new Dictionary<string, object?>
        {
            ["Status"] = nameof(RedemptionStatus.PickedUp),
            ["PickedUpAt"] = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(await ReloadAsync(id, ct), null, ct);
    }

    /// <summary>
    /// Cancels an open redemption, by the person themselves or the counter: in one transaction the status
    /// moves (the conditional UPDATE decides who wins), the stock goes back with a Cancellation movement,
    /// and the points are refunded through the ledger (kind RedemptionRefund, source redemption-refund:{id}).
    /// </summary>
    public async Task<Result<RedemptionDto>> CancelAsync(long id, CancellationToken ct)
    {
        var redemption = await access.VisibleRedemptionAsync(id, ct);
        if (redemption is null)
        {
            return MarketErrors.RedemptionNotFound();
        }

        var own = redemption.PersonId == actor.PersonId;
        if (!own && actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (redemption.Status != RedemptionStatus.Open)
        {
            return MarketErrors.NotOpen(redemption.Status);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A resident's redemption sits at the goods' unit, perhaps above their subtree: authorized above.
        using var unrestricted = scope.Unscoped(because: Why.UnitAbove);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<Redemption>().Where(r => r.Id == id && r.Status == RedemptionStatus.Open).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, RedemptionStatus.Cancelled).SetProperty(r => r.CancelledAt, now)
                .SetProperty(r => r.CancelledByUserId, actor.UserId).SetProperty(r => r.CancelledByName, actor.Login),
            ct);
        if (moved == 0)
        {
            await transaction.RollbackAsync(ct);
            return await NotOpenAsync(id, ct);
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(Redemption), id, redemption.OrgUnitId, new Dictionary<string, object?>
        {
            ["Status"] = nameof(RedemptionStatus.Cancelled),
            ["CancelledAt"] = now,
        });
        // Goods redeemed leave out cancellations: the redemption's day is recounted (ADR 0061).
        await db.MarkRolledUpAsync(redemption, ct);

        // The account before the goods: the lock order of every market transaction (ADR 0065), so a cancel cannot
        // deadlock with a redemption of the same person.
        var refund = await ledger.PostAsync(
            new PointPosting(redemption.PersonId, redemption.Points, PointKind.RedemptionRefund, "redemption-refund:" + id,
                Text.Get("Market.ledger.refunded", redemption.GoodsName, redemption.Quantity)),
            ct);
        if (!refund.Succeeded)
        {
            // Only if the person was deleted meanwhile: nothing may half-happen.
            throw new InvalidOperationException($"Refund of redemption {id} was refused: {refund.Outcome}.");
        }

        // The goods come back even if they were deactivated meanwhile: the shelf still holds them.
        var row = db.Set<Goods>().Where(g => g.Id == redemption.GoodsId);
        await row.ExecuteUpdateAsync(s => s.SetProperty(g => g.Stock, g => g.Stock + redemption.Quantity).SetProperty(g => g.UpdatedAt, now), ct);
        var goods = await row.AsNoTracking().SingleAsync(ct);
        db.AuditDirectWrite(AuditAction.Updated, nameof(Goods), goods.Id, goods.OrgUnitId, new Dictionary<string, object?> { ["Stock"] = goods.Stock });
        db.Add(StockMovement.Record(goods, StockSource.Cancellation, redemption.Quantity, goods.Stock, null, null, id, actor.UserId, actor.Login, now));
        await db.SaveChangesAsync(ct);

        await transaction.CommitAsync(ct);
        return await DtoAsync(await ReloadAsync(id, ct), refund.BalanceAfter, ct);
    }

    private async Task<Error> NotOpenAsync(long id, CancellationToken ct) =>
        MarketErrors.NotOpen(await db.Set<Redemption>().Unscoped(because: Why.UnitAbove).Where(r => r.Id == id).Select(r => r.Status).SingleAsync(ct));

    private Task<Redemption> ReloadAsync(long id, CancellationToken ct) =>
        db.Set<Redemption>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleAsync(r => r.Id == id, ct);

    /// <summary>The person's name for the counter (people in the caller's subtree); the person themselves knows it.</summary>
    private async Task<RedemptionDto> DtoAsync(Redemption r, long? balanceAfter, CancellationToken ct)
    {
        var name = r.PersonId == actor.PersonId ? null : (await people.NamesAsync([r.PersonId], ct)).GetValueOrDefault(r.PersonId);
        return RedemptionDto.From(r, name, balanceAfter);
    }
}
