using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.SweepDeadlines;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Flagged, int ReturnedToDispatch, int Closed);

/// <summary>
/// The deadline job's work (RULES.md, Orders): a step past its deadline is flagged and shown to the
/// parent unit's admins; a dispatch not accepted in time goes back to dispatch, flagged; a completed
/// order not rated in time closes. Safe with several app instances on one database: each order is moved
/// by an UPDATE … WHERE "Version" = @seen (OrderSteps' rule), so of two instances that pick the same
/// order, exactly one writes the step and its history entry and the other skips it. No in-process lock.
/// </summary>
/// <remarks>Run on every node by the platform's job runner (<c>Jobs:SweepDeadlinesHandler:IntervalSeconds</c>, ADR 0012).</remarks>
public sealed class SweepDeadlinesHandler(AppDbContext db, CurrentActor actor, OrgScope scope, OrderDeadlineRules rules, IOrgDirectory orgs, INotifier notifier, TimeProvider clock)
    : IJob
{
    public const int BatchSize = 200;

    /// <summary>One sweep at the platform clock's time (the demo and tests call this; a fake clock moves it).</summary>
    public Task<SweepResult> RunOnceAsync(CancellationToken ct) => SweepAsync(clock.GetUtcNow().UtcDateTime, ct);

    async Task<int> IJob.RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var result = await SweepAsync(nowUtc, ct);
        return result.Flagged + result.ReturnedToDispatch + result.Closed;
    }

    private async Task<SweepResult> SweepAsync(DateTime now, CancellationToken ct)
    {
        actor.Operator("job:order-deadlines");
        scope.AllowEverything();
        var due = await db.Set<Order>().AsNoTracking()
            .Where(o => o.DeadlineAt < now && (
                ((o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Accepted) && o.OverdueSince == null)
                || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Completed || o.Status == OrderStatus.Rated))
            .OrderBy(o => o.DeadlineAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);

        int flagged = 0, returned = 0, closed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var order = await db.Set<Order>().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (order is null || order.DeadlineAt >= now)
            {
                continue;
            }

            var action = order.Status switch
            {
                OrderStatus.Dispatched => OrderAction.ExpireAccept,
                OrderStatus.Completed or OrderStatus.Rated => OrderAction.AutoClose,
                OrderStatus.Submitted or OrderStatus.Accepted when order.OverdueSince is null => OrderAction.FlagOverdue,
                _ => (OrderAction?)null,
            };
            if (action is null || !await StepAsync(order, action.Value, now, ct))
            {
                continue;
            }

            _ = action switch
            {
                OrderAction.ExpireAccept => ++returned,
                OrderAction.AutoClose => ++closed,
                _ => ++flagged,
            };
        }

        return new SweepResult(flagged, returned, closed);
    }

    private async Task<bool> StepAsync(Order order, OrderAction action, DateTime now, CancellationToken ct)
    {
        var deadlines = await rules.ForCountyAsync(order.CountyId, ct);
        var stepName = Text.Get("Orders.status." + order.Status);
        var note = action switch
        {
            OrderAction.ExpireAccept => Text.Get("Orders.note.accept_expired"),
            OrderAction.AutoClose => Text.Get("Orders.note.auto_closed", deadlines.AutoCloseDays),
            _ => Text.Get("Orders.note.overdue", stepName),
        };
        var refused = order.Apply(action, null, now, note, deadlines, o =>
        {
            if (action == OrderAction.ExpireAccept)
            {
                o.ClearDispatch();
                o.MarkFlagged();
            }
            else if (action == OrderAction.FlagOverdue)
            {
                o.MarkOverdue(now);
            }
        });
        if (refused is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or a person) moved this order first: theirs stands.
            return false;
        }

        if (action != OrderAction.AutoClose)
        {
            // Overdue at any step is shown to the parent unit's admins (escalation); a returned order also
            // goes back to its own dispatchers.
            var handling = await orgs.FindUnscopedAsync(order.HandlingUnitId, ct);
            if (handling?.ParentId is { } parentId)
            {
                await notifier.ToUnitAdminsAsync(parentId, OrderNotices.Of("Orders.notice.overdue", order, stepName), ct);
            }

            if (action == OrderAction.ExpireAccept)
            {
                await notifier.ToUnitAdminsAsync(order.HandlingUnitId, OrderNotices.Of("Orders.notice.accept_expired", order), ct);
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
