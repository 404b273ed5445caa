using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Orders.Features.Indicators;

/// <summary>
/// The service loop's indicators (ADR 0040), at the requester's unit: orders submitted and completed in the window,
/// the on-time rate and the average stars of those completed, and the lights (RULES.md 亮灯, as
/// <see cref="Order.LightAt"/> gives them now) of the orders submitted in the window. Submitted, completed, on time and
/// satisfaction are rolled up (ADR 0061): an order counts on its unit at the day it was submitted and the day it was
/// completed. The lights depend on "now" and stay counted from the rows (only the window's open orders are read).
/// </summary>
internal sealed class OrderIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } = [new("ordersSubmitted"), new("ordersCompleted"), new("onTimeRate"), new("satisfaction")];

    public static IEnumerable<(long, DateOnly)> Touched(Order o) =>
        o.CompletedAt is { } completed
            ? [(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt)), (o.OrgUnitId, RollupRegistration.ChinaDay(completed))]
            : [(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt))];

    /// <summary>All four are whole numbers already (counts, stars).</summary>
    public Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        ComputeAsync(key, unitIds, window, ct);

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("ordersSubmitted", "Orders.indicator.submitted", IndicatorAggregate.Sum, 40),
        new("ordersCompleted", "Orders.indicator.completed", IndicatorAggregate.Sum, 41),
        new("onTimeRate", "Orders.indicator.onTimeRate", IndicatorAggregate.Ratio, 42),
        new("satisfaction", "Orders.indicator.satisfaction", IndicatorAggregate.Ratio, 43),
        new("lightsGreen", "Orders.indicator.lightsGreen", IndicatorAggregate.Sum, 70),
        new("lightsBlue", "Orders.indicator.lightsBlue", IndicatorAggregate.Sum, 71),
        new("lightsYellow", "Orders.indicator.lightsYellow", IndicatorAggregate.Sum, 72, HigherIsBetter: false),
        new("lightsRed", "Orders.indicator.lightsRed", IndicatorAggregate.Sum, 73, HigherIsBetter: false),
    ];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var (from, until, now) = (window.FromUtc, window.UntilUtc, window.NowUtc);
        var orders = db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId));
        var submitted = orders.Where(o => o.SubmittedAt >= from && o.SubmittedAt < until);
        var completed = orders.Where(o => o.CompletedAt >= from && o.CompletedAt < until);
        var closed = submitted.Where(o => o.CompletedAt != null);
        var open = submitted.Where(o => o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted);
        return key switch
        {
            "ordersSubmitted" => await Count(submitted, ct),
            "ordersCompleted" => await Count(completed, ct),
            "onTimeRate" => await completed.GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Count(o => o.DueAt == null || o.CompletedAt <= o.DueAt), g.Count())).ToListAsync(ct),
            "satisfaction" => await completed.Where(o => o.Stars != null).GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Sum(o => o.Stars!.Value), g.Count())).ToListAsync(ct),
            "lightsGreen" => await Count(closed.Where(o => o.DueAt == null || o.CompletedAt <= o.DueAt), ct),
            "lightsRed" => [.. Add(await Count(closed.Where(o => o.DueAt != null && o.CompletedAt > o.DueAt), ct),
                await Count(open.Where(o => o.DeadlineAt != null && o.DeadlineAt < now), ct))],
            "lightsBlue" => [.. Add(await Count(open.Where(o => o.DeadlineAt == null), ct), await RunningAsync(open, now, yellow: false, ct))],
            "lightsYellow" => await RunningAsync(open, now, yellow: true, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the orders module."),
        };
    }

    private static async Task<IReadOnlyList<UnitFigure>> Count(IQueryable<Order> orders, CancellationToken ct) =>
        await orders.GroupBy(o => o.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);

    /// <summary>
    /// Open orders inside their step's deadline, yellow or blue. "Less than 20% of the step's time left" is
    /// arithmetic on two timestamps that the two databases spell differently, so only the open, still running
    /// orders of the window (a small set: a step lasts hours or days) are read, and the rule is
    /// <see cref="Order.LightAt"/>'s, not a second copy of it.
    /// </summary>
    private static async Task<IReadOnlyList<UnitFigure>> RunningAsync(IQueryable<Order> open, DateTime now, bool yellow, CancellationToken ct)
    {
        var running = await open.Where(o => o.DeadlineAt != null && o.DeadlineAt >= now)
            .Select(o => new { o.OrgUnitId, o.StepStartedAt, Deadline = o.DeadlineAt!.Value }).ToListAsync(ct);
        return [.. running
            .Where(o => yellow == IsYellow(o.StepStartedAt, o.Deadline, now))
            .GroupBy(o => o.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0))];
    }

    private static bool IsYellow(DateTime stepStarted, DateTime deadline, DateTime now)
    {
        var span = deadline - stepStarted;
        return span > TimeSpan.Zero && deadline - now < span * 0.2;
    }

    private static IEnumerable<UnitFigure> Add(IReadOnlyList<UnitFigure> a, IReadOnlyList<UnitFigure> b) =>
        a.Concat(b).GroupBy(f => f.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Sum(f => f.Value), 0));
}
