using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Orders.Features.SweepDeadlines;

/// <summary>The orders' side of <see cref="IOverdueOrders"/>: the deadline job's flags, read for supervision.</summary>
internal sealed class OverdueOrders(AppDbContext db) : IOverdueOrders
{
    public async Task<IReadOnlyList<OverdueOrderInfo>> RedSinceAsync(DateTime deadlineBefore, int max, CancellationToken ct) =>
        await db.Set<Order>().AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted)
                && o.OverdueSince != null && o.DeadlineAt < deadlineBefore)
            .OrderBy(o => o.DeadlineAt).ThenBy(o => o.Id).Take(max)
            .Select(o => new OverdueOrderInfo(o.Id, o.CountyId, o.HandlingUnitId, o.Description, o.DeadlineAt!.Value))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<long>> FinishedAmongAsync(IReadOnlyCollection<long> orderIds, CancellationToken ct) =>
        await db.Set<Order>().AsNoTracking()
            .Where(o => orderIds.Contains(o.Id) && o.Status != OrderStatus.Submitted && o.Status != OrderStatus.Dispatched && o.Status != OrderStatus.Accepted)
            .Select(o => o.Id).ToListAsync(ct);
}
