using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Features.OrderItems;

/// <summary>
/// RULES.md: an order red for more than 24 h becomes a supervision item of the parent unit (of the unit handling it).
/// Each round raises an item for every such order that has none and closes the open items whose order is finished.
/// Safe on several nodes at once (ADR 0042): the item's <c>SourceOrderId</c> is unique, so of two nodes inserting the
/// same order's item one insert fails and that node skips it; closing is a version-guarded update.
/// </summary>
public sealed class OverdueOrderItemsJob(AppDbContext db, CurrentActor actor, OrgScope scope, IOverdueOrders orders, IOrgDirectory orgs, INotifier notifier)
    : IJob
{
    public const int BatchSize = 200;

    /// <summary>How long past its deadline an order must be before it becomes an item.</summary>
    public static readonly TimeSpan RedFor = TimeSpan.FromHours(24);

    /// <summary>The parent unit gets this long to see the order through.</summary>
    public static readonly TimeSpan ItemDue = TimeSpan.FromDays(3);

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        actor.Operator("job:supervision-order-items");
        scope.AllowEverything();
        return await RaiseAsync(nowUtc, ct) + await CloseAsync(nowUtc, ct);
    }

    private async Task<int> RaiseAsync(DateTime now, CancellationToken ct)
    {
        var red = await orders.RedSinceAsync(now - RedFor, BatchSize, ct);
        if (red.Count == 0)
        {
            return 0;
        }

        var ids = red.Select(o => (long?)o.OrderId).ToList();
        var raised = await db.Set<SupervisionTask>().AsNoTracking().Where(t => ids.Contains(t.SourceOrderId)).Select(t => t.SourceOrderId).ToListAsync(ct);
        var count = 0;
        foreach (var order in red.Where(o => !raised.Contains(o.OrderId)))
        {
            var handling = await orgs.FindUnscopedAsync(order.HandlingUnitId, ct);
            if (handling?.ParentId is not { } parentId)
            {
                continue;
            }

            if (await RaiseOneAsync(order, parentId, now, ct))
            {
                count++;
            }
        }

        return count;
    }

    private async Task<bool> RaiseOneAsync(OverdueOrderInfo order, long parentId, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var title = Text.Get("Supervision.order_item.title", order.OrderId, Shorten(order.Description, 40));
        var note = Text.Get("Supervision.order_item.note", Text.Display(order.DeadlineAt));
        var task = SupervisionTask.Assign(order.CountyId, parentId, order.CountyId, null, actor.Login, title, note, now + ItemDue, now, SupervisionSource.OverdueOrder, order.OrderId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(task);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node raised this order's item first (the unique SourceOrderId): theirs stands.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }

        db.Add(SupervisionEntry.Of(task, SupervisionEntryKind.Assigned, null, note, null, actor.Login, now));
        await notifier.ToUnitAdminsAsync(parentId, new Notice(
            Text.Get("Supervision.notice.order_item.title"), Text.Get("Supervision.notice.order_item.body", task.Title, Text.Display(task.DueAt)), $"/supervision/tasks/{task.Id}"), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<int> CloseAsync(DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var open = await db.Set<SupervisionTask>().AsNoTracking()
            .Where(t => t.Source == SupervisionSource.OverdueOrder && t.Status == SupervisionStatus.Open)
            .OrderBy(t => t.Id).Take(BatchSize).Select(t => new { t.Id, t.SourceOrderId }).ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var finished = (await orders.FinishedAmongAsync([.. open.Select(t => t.SourceOrderId!.Value)], ct)).ToHashSet();
        var count = 0;
        foreach (var item in open.Where(t => finished.Contains(t.SourceOrderId!.Value)))
        {
            db.ChangeTracker.Clear();
            var task = await db.Set<SupervisionTask>().SingleAsync(t => t.Id == item.Id, ct);
            if (!task.Complete(now))
            {
                continue;
            }

            db.Add(SupervisionEntry.Of(task, SupervisionEntryKind.Completed, 100, Text.Get("Supervision.order_item.closed"), null, actor.Login, now));
            try
            {
                await db.SaveChangesAsync(ct);
                count++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node closed it meanwhile.
            }
        }

        return count;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
