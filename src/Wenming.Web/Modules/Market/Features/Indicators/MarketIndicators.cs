using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Market.Features.Indicators;

/// <summary>
/// The charity supermarket's indicator (ADR 0040): pieces of goods redeemed in the window, cancellations left out.
/// Rolled up (ADR 0061): a redemption counts on its unit at the day it was made.
/// </summary>
internal sealed class MarketIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } = [new("goodsRedeemed")];

    public static IEnumerable<(long, DateOnly)> Touched(Redemption r) => [(r.OrgUnitId, RollupRegistration.ChinaDay(r.CreatedAt))];

    public Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        ComputeAsync(key, unitIds, window, ct);

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("goodsRedeemed", "Market.indicator.goodsRedeemed", IndicatorAggregate.Sum, 62),
    ];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        await Redeemed(key, unitIds, window).GroupBy(r => r.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Sum(r => r.Quantity), 0)).ToListAsync(ct);

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        DayFigures.SumAsync(
            Redeemed(key, unitIds, window).Select(r => new { r.OrgUnitId, r.CreatedAt, r.Quantity }),
            r => new DayFigure(r.OrgUnitId, RollupRegistration.ChinaDay(r.CreatedAt), r.Quantity), ct);

    private IQueryable<Redemption> Redeemed(string key, IQueryable<long> unitIds, IndicatorWindow window)
    {
        if (key != "goodsRedeemed")
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the market module.");
        }

        var (from, until) = (window.FromUtc, window.UntilUtc);
        return db.Set<Redemption>().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && r.CreatedAt >= from && r.CreatedAt < until && r.Status != RedemptionStatus.Cancelled);
    }
}
