using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Households.Features.Events;

/// <summary>
/// RULES.md: 空巢老人 and 留守儿童 ask for a visit every month while the tag holds. Kept as one event per household, tag
/// and China-time month (ADR 0046), made when a household gets the tag and by <see cref="MonthlyVisitsJob"/> at the turn
/// of each month, so the month's visit is an ordinary event: it is listed, turns red after the month's last instant
/// without a visit, and counts like the others. The unique (household, kind, month) index makes two makers harmless.
/// </summary>
public sealed class MonthlyVisits(AppDbContext db)
{
    /// <summary>Adds the month's events this household is missing (saved with the caller's changes).</summary>
    public async Task EnsureAsync(Household household, DateTime nowUtc, CancellationToken ct)
    {
        var (period, _, _) = VisitDue.MonthOf(nowUtc);
        var wanted = Household.MonthlyVisitTags.Where(household.Has).Select(KindOf).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var existing = household.Id == 0
            ? []
            : await db.Set<HouseholdEvent>().Unscoped(because: Why.SystemOperation).AsNoTracking()
                .Where(e => e.HouseholdId == household.Id && e.Period == period).Select(e => e.Kind).ToListAsync(ct);
        foreach (var kind in wanted.Except(existing))
        {
            db.Add(HouseholdEvent.Log(household, kind, nowUtc, null, "system", nowUtc));
        }
    }

    public static HouseholdEventKind KindOf(HouseholdTag tag) =>
        tag == HouseholdTag.EmptyNestElder ? HouseholdEventKind.EmptyNestElder : HouseholdEventKind.LeftBehindChild;
}

/// <summary>
/// Makes this month's visit events of every tagged household that has none yet. Safe on several nodes at once: of
/// two inserts of one (household, kind, month) the unique index refuses one, and that node moves on.
/// </summary>
public sealed class MonthlyVisitsJob(AppDbContext db, CurrentActor actor, OrgScope scope) : IJob
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        actor.Operator("job:household-monthly-visits");
        scope.AllowEverything();
        var (period, _, _) = VisitDue.MonthOf(nowUtc);
        var count = 0;
        foreach (var tag in Household.MonthlyVisitTags)
        {
            var kind = MonthlyVisits.KindOf(tag);
            var guarded = Household.Guarded(tag);
            var made = db.Set<HouseholdEvent>().Where(e => e.Kind == kind && e.Period == period).Select(e => e.HouseholdId);
            var missing = await db.Set<Household>().AsNoTracking()
                .Where(h => h.Tags.Contains(guarded) && !made.Contains(h.Id)).OrderBy(h => h.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var household in missing)
            {
                var e = HouseholdEvent.Log(household, kind, nowUtc, null, "system", nowUtc);
                db.Add(e);
                try
                {
                    await db.SaveChangesAsync(ct);
                    count++;
                }
                catch (DbUpdateException)
                {
                    // Another node made it first.
                    db.Entry(e).State = EntityState.Detached;
                }
            }
        }

        return count;
    }
}
