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
/// completed. The lights depend on "now" and stay counted from the rows, all four in two statements per window (ADR 0064).
/// </summary>
internal sealed class OrderIndicators(AppDbContext db) : IRolledUpSource
{
    /// <summary>The four lights of one window, counted once per request (this source is scoped): an overview asks for each.</summary>
    private readonly Dictionary<(IQueryable<long> Units, IndicatorWindow Window), Dictionary<string, IReadOnlyList<UnitFigure>>> _lights = [];

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

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        var orders = db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId));
        var completed = orders.Where(o => o.CompletedAt >= from && o.CompletedAt < until)
            .Select(o => new { o.OrgUnitId, Completed = o.CompletedAt!.Value, OnTime = o.DueAt == null || o.CompletedAt <= o.DueAt, o.Stars });
        return key switch
        {
            "ordersSubmitted" => DayFigures.SumAsync(
                orders.Where(o => o.SubmittedAt >= from && o.SubmittedAt < until).Select(o => new { o.OrgUnitId, o.SubmittedAt }),
                o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt), 1), ct),
            "ordersCompleted" => DayFigures.SumAsync(completed, o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), 1), ct),
            "onTimeRate" => DayFigures.SumAsync(completed, o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), o.OnTime ? 1 : 0, 1), ct),
            "satisfaction" => DayFigures.SumAsync(
                completed.Where(o => o.Stars != null), o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), o.Stars!.Value, 1), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the orders module."),
        };
    }

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        var orders = db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId));
        var completed = orders.Where(o => o.CompletedAt >= from && o.CompletedAt < until);
        return key switch
        {
            "ordersSubmitted" => await Count(orders.Where(o => o.SubmittedAt >= from && o.SubmittedAt < until), ct),
            "ordersCompleted" => await Count(completed, ct),
            "onTimeRate" => await completed.GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Count(o => o.DueAt == null || o.CompletedAt <= o.DueAt), g.Count())).ToListAsync(ct),
            "satisfaction" => await completed.Where(o => o.Stars != null).GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Sum(o => o.Stars!.Value), g.Count())).ToListAsync(ct),
            "lightsGreen" or "lightsBlue" or "lightsYellow" or "lightsRed" => (await LightsAsync(unitIds, window, ct))[key],
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the orders module."),
        };
    }

    /// <summary>
    /// The lights of the orders submitted in the window, in two statements (ADR 0064): one GROUP BY with a conditional
    /// count per light for what SQL decides (closed on time or late, open past the deadline or without one), and the
    /// open, still running orders for yellow or blue (see <see cref="RunningAsync"/>).
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<UnitFigure>>> LightsAsync(IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        if (_lights.TryGetValue((unitIds, window), out var known))
        {
            return known;
        }

        var (from, until, now) = (window.FromUtc, window.UntilUtc, window.NowUtc);
        var submitted = db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId) && o.SubmittedAt >= from && o.SubmittedAt < until);
        var counts = await submitted.GroupBy(o => o.OrgUnitId).Select(g => new
        {
            Unit = g.Key,
            Green = g.Count(o => o.CompletedAt != null && (o.DueAt == null || o.CompletedAt <= o.DueAt)),
            Late = g.Count(o => o.CompletedAt != null && o.DueAt != null && o.CompletedAt > o.DueAt),
            Overdue = g.Count(o => (o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted)
                && o.DeadlineAt != null && o.DeadlineAt < now),
            Waiting = g.Count(o => (o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted)
                && o.DeadlineAt == null),
        }).ToListAsync(ct);
        var open = submitted.Where(o => o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted);
        var running = await open.Where(o => o.DeadlineAt != null && o.DeadlineAt >= now)
            .Select(o => new { o.OrgUnitId, o.StepStartedAt, Deadline = o.DeadlineAt!.Value }).ToListAsync(ct);
        UnitFigure[] Running(bool yellow) => [.. running
            .Where(o => yellow == IsYellow(o.StepStartedAt, o.Deadline, now))
            .GroupBy(o => o.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0))];

        var lights = new Dictionary<string, IReadOnlyList<UnitFigure>>(StringComparer.Ordinal)
        {
            ["lightsGreen"] = [.. counts.Select(c => new UnitFigure(c.Unit, c.Green, 0))],
            ["lightsRed"] = [.. counts.Select(c => new UnitFigure(c.Unit, c.Late + c.Overdue, 0))],
            ["lightsBlue"] = [.. counts.Select(c => new UnitFigure(c.Unit, c.Waiting, 0)), .. Running(yellow: false)],
            ["lightsYellow"] = Running(yellow: true),
        };
        _lights[(unitIds, window)] = lights;
        return lights;
    }

    private static async Task<IReadOnlyList<UnitFigure>> Count(IQueryable<Order> orders, CancellationToken ct) =>
        await orders.GroupBy(o => o.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);

    /// <summary>
    /// Open orders inside their step's deadline are yellow with less than 20% of the step's time left, else blue: arithmetic
    /// on two timestamps that the two databases spell differently, so only the open, still running orders of the window
    /// (a small set: a step lasts hours or days) are read, and the rule is <see cref="Order.LightAt"/>'s.
    /// </summary>
    private static bool IsYellow(DateTime stepStarted, DateTime deadline, DateTime now)
    {
        var span = deadline - stepStarted;
        return span > TimeSpan.Zero && deadline - now < span * 0.2;
    }
}
