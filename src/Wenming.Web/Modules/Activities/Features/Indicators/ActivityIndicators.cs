using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Activities.Features.Indicators;

/// <summary>
/// The activities' indicators (ADR 0040): activities held (started in the window and not cancelled or still
/// unpublished) and their participants (the enrolled places of those activities). Both are rolled up (ADR 0061): an
/// activity counts on its unit at the day it starts; the enrolment and finishing handlers that update it set-based
/// mark it themselves.
/// </summary>
internal sealed class ActivityIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } = [new("activities"), new("participants")];

    public static IEnumerable<(long, DateOnly)> Touched(Activity a) => [(a.OrgUnitId, RollupRegistration.ChinaDay(a.StartsAt))];

    public Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        ComputeAsync(key, unitIds, window, ct);

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("activities", "Activities.indicator.held", IndicatorAggregate.Sum, 30),
        new("participants", "Activities.indicator.participants", IndicatorAggregate.Sum, 31),
    ];

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key is "activities" or "participants"
            ? DayFigures.SumAsync(
                Held(unitIds, window).Select(a => new { a.OrgUnitId, a.StartsAt, a.EnrolledCount }),
                a => new DayFigure(a.OrgUnitId, RollupRegistration.ChinaDay(a.StartsAt), key == "activities" ? 1 : a.EnrolledCount), ct)
            : throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the activities module.");

    private IQueryable<Activity> Held(IQueryable<long> unitIds, IndicatorWindow window)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        return db.Set<Activity>().AsNoTracking()
            .Where(a => unitIds.Contains(a.OrgUnitId) && a.StartsAt >= from && a.StartsAt < until
                && (a.Status == ActivityStatus.Ongoing || a.Status == ActivityStatus.Finished || a.Status == ActivityStatus.Archived));
    }

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var held = Held(unitIds, window);
        return key switch
        {
            "activities" => await held.GroupBy(a => a.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct),
            "participants" => await held.GroupBy(a => a.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Sum(a => a.EnrolledCount), 0)).ToListAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the activities module."),
        };
    }
}
