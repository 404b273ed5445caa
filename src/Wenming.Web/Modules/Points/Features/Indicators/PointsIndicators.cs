using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Points.Features.Indicators;

/// <summary>
/// The points' indicators (ADR 0040), from the ledger: issued (service hours, attendance, orders, organizer
/// shares and hand awards) and redeemed (redemptions net of refunds), both as positive numbers. Both are rolled up
/// (ADR 0061): a ledger row counts on its unit at the day it was booked.
/// </summary>
internal sealed class PointsIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } = [new("pointsIssued"), new("pointsRedeemed")];

    public static IEnumerable<(long, DateOnly)> Touched(PointTransaction t) => [(t.OrgUnitId, RollupRegistration.ChinaDay(t.At))];

    public Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        ComputeAsync(key, unitIds, window, ct);

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("pointsIssued", "Points.indicator.issued", IndicatorAggregate.Sum, 60),
        new("pointsRedeemed", "Points.indicator.redeemed", IndicatorAggregate.Sum, 61),
    ];

    /// <summary>Both figures as positive numbers: redemptions are booked negative, their refunds positive.</summary>
    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var sign = Sign(key);
        return await Rows(key, unitIds, window).GroupBy(t => t.OrgUnitId).Select(g => new UnitFigure(g.Key, sign * g.Sum(t => t.Amount), 0)).ToListAsync(ct);
    }

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var sign = Sign(key);
        return DayFigures.SumAsync(
            Rows(key, unitIds, window).Select(t => new { t.OrgUnitId, t.At, t.Amount }),
            t => new DayFigure(t.OrgUnitId, RollupRegistration.ChinaDay(t.At), sign * t.Amount), ct);
    }

    private static int Sign(string key) => key == "pointsRedeemed" ? -1 : 1;

    private IQueryable<PointTransaction> Rows(string key, IQueryable<long> unitIds, IndicatorWindow window)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        var rows = db.Set<PointTransaction>().AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId) && t.At >= from && t.At < until);
        return key switch
        {
            "pointsIssued" => rows.Where(t => t.Kind == PointKind.ServiceHours || t.Kind == PointKind.ActivityAttended || t.Kind == PointKind.OrderCompleted
                || t.Kind == PointKind.OrganizerBonus || t.Kind == PointKind.Award),
            "pointsRedeemed" => rows.Where(t => t.Kind == PointKind.Redemption || t.Kind == PointKind.RedemptionRefund),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the points module."),
        };
    }
}
