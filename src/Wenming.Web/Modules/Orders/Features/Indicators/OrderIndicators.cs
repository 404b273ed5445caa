using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Lights;

namespace Wenming.Web.Modules.Orders.Features.Indicators;

/// <summary>
/// The service loop's indicators (ADR 0040), at the requester's unit: orders submitted and completed in the window,
/// the on-time rate and the average stars of those completed, and the lights (RULES.md 亮灯, as
/// <see cref="Order.LightAt"/> gives them now) of the orders submitted in the window. Submitted, completed, on time and
/// satisfaction are rolled up (ADR 0061): an order counts on its unit at the day it was submitted and the day it was
/// completed. The light of a completed order is final — green on time, red late — and is rolled up too, by the day the
/// order was submitted (ADR 0066); the lights of the open orders depend on "now" and are counted per request, over the
/// open orders of the window only, all four lights in one statement per window.
/// </summary>
internal sealed class OrderIndicators(AppDbContext db) : IRolledUpSource
{
    /// <summary>The completed orders' part of the green light: all of it (an open order is never green).</summary>
    private const string GreenDone = "lightsGreen.done";

    /// <summary>The completed orders' part of the red light: those completed after their due time.</summary>
    private const string RedDone = "lightsRed.done";

    private const string Green = "lightsGreen";
    private const string Blue = "lightsBlue";
    private const string Yellow = "lightsYellow";
    private const string Red = "lightsRed";

    /// <summary>A completed order's light (<see cref="LightRule.Done"/>, as <see cref="Order.LightAt"/> gives it): green on or before its due time, or with none.</summary>
    private static readonly Expression<Func<Order, bool>> DoneOnTime = o => o.CompletedAt != null && (o.DueAt == null || o.CompletedAt <= o.DueAt);

    private static readonly Expression<Func<Order, bool>> DoneLate = o => o.CompletedAt != null && o.DueAt != null && o.CompletedAt > o.DueAt;

    /// <summary>The open orders' lights of one window, counted once per request (this source is scoped): an overview asks for each.</summary>
    private readonly Dictionary<(IQueryable<long> Units, IndicatorWindow Window), Dictionary<string, IReadOnlyList<UnitFigure>>> _open = [];

    public IReadOnlyList<RolledUpKey> RolledUp { get; } =
    [
        new("ordersSubmitted"), new("ordersCompleted"), new("onTimeRate"), new("satisfaction"),
        new(GreenDone, PartOf: Green), new(RedDone, PartOf: Red),
    ];

    public static IEnumerable<(long, DateOnly)> Touched(Order o) =>
        o.CompletedAt is { } completed
            ? [(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt)), (o.OrgUnitId, RollupRegistration.ChinaDay(completed))]
            : [(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt))];

    /// <summary>All are whole numbers already (counts, stars).</summary>
    public async Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key switch
        {
            GreenDone => await Count(Submitted(unitIds, window).Where(DoneOnTime), ct),
            RedDone => await Count(Submitted(unitIds, window).Where(DoneLate), ct),
            _ => await ComputeAsync(key, unitIds, window, ct),
        };

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("ordersSubmitted", "Orders.indicator.submitted", IndicatorAggregate.Sum, 40),
        new("ordersCompleted", "Orders.indicator.completed", IndicatorAggregate.Sum, 41),
        new("onTimeRate", "Orders.indicator.onTimeRate", IndicatorAggregate.Ratio, 42, Percent: true),
        new("satisfaction", "Orders.indicator.satisfaction", IndicatorAggregate.Ratio, 43),
        new(Green, "Orders.indicator.lightsGreen", IndicatorAggregate.Sum, 70),
        new(Blue, "Orders.indicator.lightsBlue", IndicatorAggregate.Sum, 71),
        new(Yellow, "Orders.indicator.lightsYellow", IndicatorAggregate.Sum, 72, HigherIsBetter: false),
        new(Red, "Orders.indicator.lightsRed", IndicatorAggregate.Sum, 73, HigherIsBetter: false),
    ];

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        var orders = db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId));
        var completed = orders.Where(o => o.CompletedAt >= from && o.CompletedAt < until)
            .Select(o => new { o.OrgUnitId, Completed = o.CompletedAt!.Value, OnTime = o.DueAt == null || o.CompletedAt <= o.DueAt, o.Stars });
        return key switch
        {
            "ordersSubmitted" => BySubmissionDay(Submitted(unitIds, window), ct),
            "ordersCompleted" => DayFigures.SumAsync(completed, o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), 1), ct),
            "onTimeRate" => DayFigures.SumAsync(completed, o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), o.OnTime ? 1 : 0, 1), ct),
            "satisfaction" => DayFigures.SumAsync(
                completed.Where(o => o.Stars != null), o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.Completed), o.Stars!.Value, 1), ct),
            GreenDone => BySubmissionDay(Submitted(unitIds, window).Where(DoneOnTime), ct),
            RedDone => BySubmissionDay(Submitted(unitIds, window).Where(DoneLate), ct),
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
            "ordersSubmitted" => await Count(Submitted(unitIds, window), ct),
            "ordersCompleted" => await Count(completed, ct),
            "onTimeRate" => await completed.GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Count(o => o.DueAt == null || o.CompletedAt <= o.DueAt), g.Count())).ToListAsync(ct),
            "satisfaction" => await completed.Where(o => o.Stars != null).GroupBy(o => o.OrgUnitId)
                .Select(g => new UnitFigure(g.Key, g.Sum(o => o.Stars!.Value), g.Count())).ToListAsync(ct),
            // The light of every order submitted in the window: the completed ones' (final) and the open ones' (now).
            Green => [.. await ComputeWholeAsync(GreenDone, unitIds, window, ct), .. await ComputeRestAsync(key, unitIds, window, ct)],
            Red => [.. await ComputeWholeAsync(RedDone, unitIds, window, ct), .. await ComputeRestAsync(key, unitIds, window, ct)],
            Blue or Yellow => await ComputeRestAsync(key, unitIds, window, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the orders module."),
        };
    }

    /// <summary>The lights of the open orders submitted in the window (the completed ones' are rolled up).</summary>
    public async Task<IReadOnlyList<UnitFigure>> ComputeRestAsync(string indicator, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        (await OpenLightsAsync(unitIds, window, ct)).TryGetValue(indicator, out var figures)
            ? figures
            : throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Not a light of the orders module.");

    /// <summary>
    /// The lights of the open orders submitted in the window, in one statement (the partial index of the open orders by unit and
    /// submission time reads only them, ADR 0075; its filter is this condition, word for word): each order's light is <see cref="Order.LightAt"/>'s for an open order — its step's
    /// deadline under the one light rule, blue without one — worked out in memory, as the timestamp arithmetic is spelled
    /// differently by the two databases and the open orders of a window are few (a step lasts hours or days).
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<UnitFigure>>> OpenLightsAsync(IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        if (_open.TryGetValue((unitIds, window), out var known))
        {
            return known;
        }

        var now = window.NowUtc;
        var open = await Submitted(unitIds, window)
            .Where(o => o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Dispatched || o.Status == OrderStatus.Accepted)
            .Select(o => new { o.OrgUnitId, o.StepStartedAt, o.DeadlineAt })
            .ToListAsync(ct);
        var byLight = open
            .GroupBy(o => (o.OrgUnitId, Light: o.DeadlineAt is { } deadline ? LightRule.Step(o.StepStartedAt, deadline, null, now) : Light.Blue))
            .ToLookup(g => g.Key.Light, g => new UnitFigure(g.Key.OrgUnitId, g.Count(), 0));
        var lights = new Dictionary<string, IReadOnlyList<UnitFigure>>(StringComparer.Ordinal)
        {
            [Green] = [.. byLight[Light.Green]],
            [Blue] = [.. byLight[Light.Blue]],
            [Yellow] = [.. byLight[Light.Yellow]],
            [Red] = [.. byLight[Light.Red]],
        };
        _open[(unitIds, window)] = lights;
        return lights;
    }

    /// <summary>The orders of the units submitted in the window.</summary>
    private IQueryable<Order> Submitted(IQueryable<long> unitIds, IndicatorWindow window)
    {
        var (from, until) = (window.FromUtc, window.UntilUtc);
        return db.Set<Order>().AsNoTracking().Where(o => unitIds.Contains(o.OrgUnitId) && o.SubmittedAt >= from && o.SubmittedAt < until);
    }

    private static Task<IReadOnlyList<DayFigure>> BySubmissionDay(IQueryable<Order> orders, CancellationToken ct) =>
        DayFigures.SumAsync(orders.Select(o => new { o.OrgUnitId, o.SubmittedAt }), o => new DayFigure(o.OrgUnitId, RollupRegistration.ChinaDay(o.SubmittedAt), 1), ct);

    private static async Task<IReadOnlyList<UnitFigure>> Count(IQueryable<Order> orders, CancellationToken ct) =>
        await orders.GroupBy(o => o.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);
}
