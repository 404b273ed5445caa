using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// Deletes expired keys and claims left unanswered by a node that died mid-request. One set-based
/// DELETE per kind, so several nodes running it at once simply delete nothing the second time.
/// Not audited (ExecuteDelete, and the rows are not business data).
/// </summary>
public sealed class IdempotencyCleanupJob(AppDbContext db) : IJob
{
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var staleBefore = nowUtc - IdempotencyKeys.StaleClaim;
        var expired = await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= nowUtc).ExecuteDeleteAsync(ct);
        var stale = await db.Set<IdempotencyRecord>().Where(r => r.Status == null && r.CreatedAt <= staleBefore).ExecuteDeleteAsync(ct);
        return expired + stale;
    }
}
