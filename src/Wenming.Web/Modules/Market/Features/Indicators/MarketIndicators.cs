using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Market.Features.Indicators;

/// <summary>The charity supermarket's indicator (ADR 0040): pieces of goods redeemed in the window, cancellations left out.</summary>
internal sealed class MarketIndicators(AppDbContext db) : IIndicatorSource
{
    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("goodsRedeemed", "Market.indicator.goodsRedeemed", IndicatorAggregate.Sum, 62),
    ];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        if (key != "goodsRedeemed")
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the market module.");
        }

        var (from, until) = (window.FromUtc, window.UntilUtc);
        return await db.Set<Redemption>().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && r.CreatedAt >= from && r.CreatedAt < until && r.Status != RedemptionStatus.Cancelled)
            .GroupBy(r => r.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Sum(r => r.Quantity), 0)).ToListAsync(ct);
    }
}
