using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Indicators;

/// <summary>How the figures of several units add up to the figure of their parent.</summary>
public enum IndicatorAggregate
{
    /// <summary>The parent's value is the sum of its units' values (counts, hours, points).</summary>
    Sum = 1,

    /// <summary>The parent's value is the sum of values over the sum of weights (on-time rate, average stars).</summary>
    Ratio = 2,
}

/// <summary>
/// An indicator a module offers to the statistics (ADR 0040). <paramref name="Key"/> is the name clients use
/// (<c>?indicator=hours</c>); two sources may offer the same key (say, red lights of orders and of supervision
/// tasks), and the statistics then add their figures up. <paramref name="Percent"/> marks a rate from 0 to 1 that
/// people read as a percentage (an on-time rate), unlike other ratios (average stars, a site's score).
/// </summary>
public sealed record IndicatorInfo(string Key, string LabelKey, IndicatorAggregate Aggregate, int Order, bool HigherIsBetter = true, bool Percent = false);

/// <summary>
/// The dates asked for, in China time and inclusive (API.md), and the instant "now" for indicators that
/// describe a state (lights). A row stamped with a UTC instant falls in the window when
/// <see cref="FromUtc"/> ≤ instant &lt; <see cref="UntilUtc"/>.
/// </summary>
public sealed record IndicatorWindow(DateOnly From, DateOnly To, DateTime NowUtc)
{
    /// <summary>00:00 China time on <see cref="From"/>, as UTC.</summary>
    public DateTime FromUtc => DateTime.SpecifyKind(From.ToDateTime(TimeOnly.MinValue) - Text.ChinaOffset, DateTimeKind.Utc);

    /// <summary>00:00 China time on the day after <see cref="To"/>, as UTC (exclusive).</summary>
    public DateTime UntilUtc => DateTime.SpecifyKind(To.AddDays(1).ToDateTime(TimeOnly.MinValue) - Text.ChinaOffset, DateTimeKind.Utc);
}

/// <summary>
/// One unit's figure. For a <see cref="IndicatorAggregate.Ratio"/> indicator <see cref="Value"/> is the numerator
/// and <see cref="Weight"/> the denominator, so that figures add up exactly over a subtree.
/// </summary>
public readonly record struct UnitFigure(long OrgUnitId, decimal Value, decimal Weight = 0);

/// <summary>
/// A module's contribution to the statistics (ADR 0040): it registers itself in DI in the module's own AddX(),
/// and computes its indicators per org unit with SQL aggregates (GROUP BY the row's unit), through the scoped
/// db context. The statistics add units up to townships, villages and the county by the units' paths, so a new
/// module brings new indicators without any switch in the statistics changing.
/// </summary>
public interface IIndicatorSource
{
    IReadOnlyList<IndicatorInfo> Indicators { get; }

    /// <summary>
    /// The figures of indicator <paramref name="key"/> (one of <see cref="Indicators"/>) per unit, for the rows whose
    /// unit is among <paramref name="unitIds"/> (a query to compose, not a list), in the window. Units with nothing
    /// may be left out.
    /// </summary>
    Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct);
}
