using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Points.Features.Privacy;

/// <summary>A points movement (earned, awarded, spent, refunded) counts as activity for the retention rule (ADR 0023). The ledger itself is never touched by anonymization.</summary>
internal sealed class PointsPersonActivity(AppDbContext db) : IPersonActivity
{
    public async Task<IReadOnlySet<long>> ActiveSinceAsync(IReadOnlyCollection<long> personIds, DateTime sinceUtc, CancellationToken ct) =>
        (await db.Set<PointTransaction>().Unscoped(because: Why.PersonalData).AsNoTracking()
            .Where(t => personIds.Contains(t.PersonId) && t.At >= sinceUtc)
            .Select(t => t.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
}
