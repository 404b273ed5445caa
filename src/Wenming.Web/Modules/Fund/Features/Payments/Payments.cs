using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Payments;

/// <summary>API.md's body.</summary>
public sealed record PayRequest(long? AmountFen, DateOnly? PaidOn, string? Payee, string? Purpose);

public sealed record ListPaymentsRequest
{
    public long? OrgUnitId { get; set; }

    public long? ProjectId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Instalments paid to approved projects by the center. A payment takes the project's budget and the fund's balance
/// in one transaction, each by one conditional UPDATE (<see cref="FundBooks"/>): never above the remaining budget
/// (409 <c>project.budget_exceeded</c>) nor the balance (409 <c>fund.insufficient</c>), however many are made at once.
/// Above <see cref="FundPayment.SecondApproverAboveFen"/> a payment waits, moving nothing, for another person's approval.
/// </summary>
public sealed class PaymentsHandler(AppDbContext db, CurrentActor actor, ProjectsHandler projects, FundBooks books, TimeProvider clock)
{
    public async Task<Result<PaymentDto>> PayAsync(long projectId, PayRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        FundAccess.CheckAmount(fields, "amountFen", request.AmountFen);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Platform.Localization.Text.ChinaOffset);
        if (request.PaidOn is not { } paidOn)
        {
            fields.AddRequired("paidOn", "Fund.field.paidOn");
        }
        else if (paidOn > today || paidOn < today.AddYears(-5))
        {
            fields.Add("paidOn", "Fund.error.date_range");
        }

        CheckText(fields, "payee", request.Payee, FundPayment.MaxPayeeLength);
        CheckText(fields, "purpose", request.Purpose, FundPayment.MaxPurposeLength);
        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await projects.VisibleAsync(projectId, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (project.Status != ProjectStatus.Approved)
        {
            return FundErrors.WrongState(project.Status);
        }

        var amount = request.AmountFen!.Value;
        // Over budget when read: true of that moment (a budget only grows back by a reversal). The UPDATE still decides.
        if (amount > project.ApprovedFen - project.PaidFen)
        {
            return FundErrors.BudgetExceeded(project.ApprovedFen - project.PaidFen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = amount > FundPayment.SecondApproverAboveFen;
        var payment = FundPayment.Record(project, amount, request.PaidOn!.Value, request.Payee!, request.Purpose!, pending, actor.UserId, actor.Login, now);
        if (pending)
        {
            db.Add(payment);
            await db.SaveChangesAsync(ct);
            return PaymentDto.From(payment, reversed: false);
        }

        return await MoveAsync(project, payment, amount, () => db.Add(payment), ct);
    }

    /// <summary>The second approver: another person than the one who recorded it; the money moves now (or 409 as for a payment).</summary>
    public async Task<Result<PaymentDto>> ApproveAsync(long paymentId, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<FundPayment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct) is not { } payment)
        {
            return FundErrors.PaymentNotFound();
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return FundErrors.NotPending();
        }

        if (payment.CreatedByUserId == actor.UserId)
        {
            return FundErrors.OwnPayment();
        }

        if (await projects.VisibleAsync(payment.ProjectId, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        payment.Approve(actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            return await MoveAsync(project, payment, payment.AmountFen, () => { }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another approver was a moment earlier: their transaction moved the money, this one rolled back.
            db.ChangeTracker.Clear();
            return FundErrors.NotPending();
        }
    }

    /// <summary>
    /// The second approver turns a pending payment down with a reason (another person than the recorder, as for
    /// approving). Nothing moved while it waited, so nothing moves back; the status is the concurrency token, so
    /// an approval and a rejection at the same moment cannot both win.
    /// </summary>
    public async Task<Result<PaymentDto>> RejectAsync(long paymentId, string? reason, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        if (FundAccess.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<FundPayment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct) is not { } payment)
        {
            return FundErrors.PaymentNotFound();
        }

        if (payment.Status != PaymentStatus.Pending)
        {
            return FundErrors.NotPending();
        }

        if (payment.CreatedByUserId == actor.UserId)
        {
            return FundErrors.OwnPayment();
        }

        payment.Reject(reason!, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FundErrors.NotPending();
        }

        return PaymentDto.From(payment, reversed: false);
    }

    /// <summary>A paid payment reversed with a reason: the budget and the balance come back, the original stays.</summary>
    public async Task<Result<PaymentDto>> ReverseAsync(long paymentId, string? reason, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        if (FundAccess.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<FundPayment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, ct) is not { } original)
        {
            return FundErrors.PaymentNotFound();
        }

        if (original.Status != PaymentStatus.Paid)
        {
            return FundErrors.NotReversible();
        }

        if (await db.Set<FundPayment>().AnyAsync(p => p.ReversesId == paymentId, ct))
        {
            return FundErrors.AlreadyReversed();
        }

        if (await projects.VisibleAsync(original.ProjectId, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (project.Status != ProjectStatus.Approved)
        {
            return FundErrors.WrongState(project.Status);
        }

        var reversal = original.Reverse(reason!, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            var moved = await MoveAsync(project, reversal, reversal.AmountFen, () => db.Add(reversal), ct);
            // A reversal that found the paid total already given back lost the race to another reversal of the same payment.
            return !moved.IsSuccess && await db.Set<FundPayment>().AnyAsync(p => p.ReversesId == paymentId, ct) ? FundErrors.AlreadyReversed() : moved;
        }
        catch (DbUpdateException)
        {
            // Reversed a moment ago by another request: the unique index on ReversesId decided.
            db.ChangeTracker.Clear();
            return FundErrors.AlreadyReversed();
        }
    }

    public async Task<Result<PageOf<PaymentDto>>> ListAsync(ListPaymentsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var (query, error) = await QueryAsync(request.OrgUnitId, request.ProjectId, ct);
        if (query is null)
        {
            return error!;
        }

        var page = await query.OrderByDescending(p => p.Id).ToPageAsync(paging, ct);
        var ids = page.Items.Select(p => p.Id).ToList();
        var reversed = await db.Set<FundPayment>().Where(p => p.ReversesId != null && ids.Contains(p.ReversesId.Value)).Select(p => p.ReversesId!.Value).ToListAsync(ct);
        return new PageOf<PaymentDto>([.. page.Items.Select(p => PaymentDto.From(p, reversed.Contains(p.Id)))], page.Page, page.PageSize, page.Total);
    }

    public async Task<(IQueryable<FundPayment>? Query, Error? Error)> QueryAsync(long? orgUnitId, long? projectId, CancellationToken ct)
    {
        var (visible, error) = await projects.QueryAsync(orgUnitId, null, ct);
        if (visible is null)
        {
            return (null, error);
        }

        var projectIds = visible.Select(p => p.Id);
        var query = db.Set<FundPayment>().AsNoTracking().Where(p => projectIds.Contains(p.ProjectId));
        if (projectId is { } only)
        {
            query = query.Where(p => p.ProjectId == only);
        }

        return (query, null);
    }

    /// <summary>
    /// One transaction: the project's budget (row lock first), then the fund's balance (second), then the entry.
    /// <paramref name="fen"/> is negative for a reversal, which gives both back.
    /// </summary>
    private async Task<Result<PaymentDto>> MoveAsync(FundProject project, FundPayment entry, long fen, Action stage, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await books.SpendBudgetAsync(project, fen, ct) is null)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var now = await db.Set<FundProject>().AsNoTracking().SingleAsync(p => p.Id == project.Id, ct);
            return now.Status != ProjectStatus.Approved ? FundErrors.WrongState(now.Status) : FundErrors.BudgetExceeded(now.ApprovedFen - now.PaidFen);
        }

        if (await books.PayAsync(project.CountyId, fen, ct) is not { } balance)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return FundErrors.Insufficient((await books.BalanceAsync(project.CountyId, ct))?.BalanceFen ?? 0);
        }

        stage();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PaymentDto.From(entry, reversed: false, balance);
    }

    private static void CheckText(FieldErrors fields, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fields.AddRequired(field, "Fund.field." + field);
        }
        else if (value.Trim().Length > max)
        {
            fields.AddTooLong(field, "Fund.field." + field, max);
        }
    }
}
