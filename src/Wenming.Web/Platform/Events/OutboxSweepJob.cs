using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Platform.Events;

/// <summary>
/// Delivers what the request did not: events whose request died between commit and delivery, or whose
/// handler failed (retried with a growing backoff until it becomes a dead letter, ADR 0022). Leaves rows younger than <see cref="Grace"/> to the request that
/// is delivering them right now, and deletes delivered rows after <see cref="KeepDelivered"/>.
/// </summary>
public sealed class OutboxSweepJob(OutboxDelivery delivery, AppDbContext db) : IJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepDelivered = TimeSpan.FromDays(7);

    /// <summary>Batches per round, so one round ends even when a handler keeps failing.</summary>
    private const int MaxBatches = 20;

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var handled = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var (seen, failed) = await delivery.DeliverAsync(null, nowUtc - Grace, ct, nowUtc);
            handled += seen - failed;
            if (seen < OutboxDelivery.BatchSize || failed > 0)
            {
                break;
            }
        }

        var old = nowUtc - KeepDelivered;
        await db.Set<OutboxMessage>().Where(m => m.DeliveredAt != null && m.DeliveredAt < old).ExecuteDeleteAsync(ct);
        return handled;
    }
}
