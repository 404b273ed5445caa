using System.Globalization;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Platform.Indicators;

namespace Wenming.UnitTests;

/// <summary>The statistics' China-time windows and how unit figures add up (issue 12).</summary>
public sealed class StatisticsRulesTests
{
    [Theory]
    [InlineData(5, 3, "+2 (+66.7%)")]
    [InlineData(1, 4, "-3 (-75.0%)")]
    [InlineData(15000, 0, "+15,000")]
    [InlineData(-15000, 0, "-15,000")]
    [InlineData(7, 7, "—")]
    public void Change_AgainstTheLastPeriod_CarriesOneSign(double value, double previous, string expected) =>
        Assert.Equal(expected, MonthlyReport.Change((decimal)value, (decimal)previous));

    [Theory]
    [InlineData(0.6, 0.5, "60.0 %", "+10.0 个百分点")]
    [InlineData(0.45, 0.8, "45.0 %", "-35.0 个百分点")]
    [InlineData(1, 0, "100.0 %", "+100.0 个百分点")] // a rate from zero: points, never "+1"
    [InlineData(0.6, 0.6, "60.0 %", "—")]
    public void Rate_ShowsAsAPercentage_AndChangesInPercentagePoints(double value, double previous, string figure, string change)
    {
        Assert.Equal(figure, MonthlyReport.Figure((decimal)value, percent: true));
        Assert.Equal(change, MonthlyReport.Change((decimal)value, (decimal)previous, percent: true));
        Assert.Equal("—", MonthlyReport.Figure(null, percent: true));
        Assert.Equal("0.60", MonthlyReport.Figure(0.6m, percent: false));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-04", "2026-11-01", "2026-11-04")] // this month so far: the same days of the last
    [InlineData("2026-03-01", "2026-03-30", "2026-02-01", "2026-02-28")] // February has fewer days
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")] // a whole month: the whole month before
    [InlineData("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31")] // a quarter: the quarter before
    [InlineData("2026-03-10", "2026-03-19", "2026-02-28", "2026-03-09")] // any other window: as many days before
    [InlineData("2026-02-01", "2026-03-15", "2025-12-20", "2026-01-31")] // from a 1st across months: as many days
    public void PreviousPeriod_ComparesLikeWithLike(string from, string to, string previousFrom, string previousTo) =>
        Assert.Equal(
            (DateOnly.Parse(previousFrom, CultureInfo.InvariantCulture), DateOnly.Parse(previousTo, CultureInfo.InvariantCulture)),
            StatisticsQueries.PreviousPeriod(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)));

    [Fact]
    public void Window_RunsFromMidnightChinaTimeToTheMidnightAfterTheLastDay_AsUtc()
    {
        var march = new IndicatorWindow(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), DateTime.UtcNow);

        Assert.Equal(new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), march.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), march.UntilUtc);
        Assert.Equal(DateTimeKind.Utc, march.FromUtc.Kind);
        // 1 March 00:30 in China is 28 February 16:30 UTC: inside; 1 April 00:00 in China is the exclusive end.
        var lateFeb = new DateTime(2026, 2, 28, 16, 30, 0, DateTimeKind.Utc);
        Assert.True(lateFeb >= march.FromUtc && lateFeb < march.UntilUtc);
        Assert.False(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc) < march.UntilUtc);
    }

    [Fact]
    public void Ratio_IsTheSumOfNumeratorsOverTheSumOfDenominators_NotAnAverageOfRates()
    {
        UnitFigure[] figures = [new(1, 9, 10), new(2, 0, 1)];

        Assert.Equal(0.8182m, StatisticsQueries.Total(figures, IndicatorAggregate.Ratio));
        Assert.Equal(9m, StatisticsQueries.Total(figures, IndicatorAggregate.Sum));
        Assert.Null(StatisticsQueries.Total([], IndicatorAggregate.Ratio));
    }

    [Fact]
    public void Path_NamesEveryAncestorAndTheUnit() =>
        Assert.Equal([1L, 5L, 17L], StatisticsQueries.AncestorsAndSelf("/1/5/17/"));
}
