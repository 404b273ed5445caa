using Wenming.Web.Modules.Calendar.Domain;

namespace Wenming.UnitTests;

/// <summary>
/// The practice calendar's computed dates against the published table (国务院办公厅 holiday notices and the
/// 中国天文年历) for 2015–2026: 春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 on their solar dates.
/// </summary>
public sealed class PracticeDaysTests
{
    // year, 春节, 清明, 端午, 七夕, 中秋, 重阳
    public static readonly TheoryData<int, string, string, string, string, string, string> Published = new()
    {
        { 2015, "02-19", "04-05", "06-20", "08-20", "09-27", "10-21" },
        { 2016, "02-08", "04-04", "06-09", "08-09", "09-15", "10-09" },
        { 2017, "01-28", "04-04", "05-30", "08-28", "10-04", "10-28" },
        { 2018, "02-16", "04-05", "06-18", "08-17", "09-24", "10-17" },
        { 2019, "02-05", "04-05", "06-07", "08-07", "09-13", "10-07" },
        { 2020, "01-25", "04-04", "06-25", "08-25", "10-01", "10-25" },
        { 2021, "02-12", "04-04", "06-14", "08-14", "09-21", "10-14" },
        { 2022, "02-01", "04-05", "06-03", "08-04", "09-10", "10-04" },
        { 2023, "01-22", "04-05", "06-22", "08-22", "09-29", "10-23" },
        { 2024, "02-10", "04-04", "06-10", "08-10", "09-17", "10-11" },
        { 2025, "01-29", "04-04", "05-31", "08-29", "10-06", "10-29" },
        { 2026, "02-17", "04-05", "06-19", "08-19", "09-25", "10-18" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Festivals_FallOnThePublishedSolarDates(int year, string spring, string qingming, string dragonBoat, string qixi, string midAutumn, string doubleNinth)
    {
        var days = PracticeDays.For(year).Where(d => d.Kind == PracticeDayKind.Festival).Select(d => d.Date).ToList();

        DateOnly On(string monthDay) => DateOnly.ParseExact($"{year}-{monthDay}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var springDay = On(spring);
        Assert.Equal([springDay, springDay.AddDays(14), On(qingming), On(dragonBoat), On(qixi), On(midAutumn), On(doubleNinth)], days);
    }

    [Fact]
    public void SpringFestival_FurtherYears_MatchTheTable()
    {
        Assert.Equal(new DateOnly(2027, 2, 6), PracticeDays.FromLunar(2027, 1, 1));
        Assert.Equal(new DateOnly(2028, 1, 26), PracticeDays.FromLunar(2028, 1, 1));
        Assert.Equal(new DateOnly(2000, 2, 5), PracticeDays.FromLunar(2000, 1, 1));
        Assert.Equal(new DateOnly(2000, 4, 4), PracticeDays.Qingming(2000));
        Assert.Equal(new DateOnly(1999, 4, 5), PracticeDays.Qingming(1999));
    }

    [Fact]
    public void ALeapYear_MovesTheMonthsAfterItsLeapMonth()
    {
        // 2023 has a leap second month (闰二月): 端午 (5-5) is 2023-06-22, not a month early.
        Assert.Equal(new DateOnly(2023, 6, 22), PracticeDays.FromLunar(2023, 5, 5));
        // 2025 has a leap sixth month (闰六月): 中秋 (8-15) is 2025-10-06.
        Assert.Equal(new DateOnly(2025, 10, 6), PracticeDays.FromLunar(2025, 8, 15));
    }

    [Fact]
    public void EveryYear_HasTheFifteenDatesInOrder_AndTheFixedOnesOnTheirDays()
    {
        foreach (var year in new[] { PracticeDays.FirstYear, 1950, 2000, 2026, 2050, PracticeDays.LastYear })
        {
            var days = PracticeDays.For(year);
            Assert.Equal(15, days.Count);
            Assert.Equal(days.OrderBy(d => d.Date).Select(d => d.Date), days.Select(d => d.Date));
            Assert.All(days, d => Assert.Equal(year, d.Date.Year));
            Assert.Contains(days, d => d.Date == new DateOnly(year, 3, 5) && d.Kind == PracticeDayKind.ThemeDay);
            Assert.Contains(days, d => d.Date == new DateOnly(year, 12, 5) && d.Kind == PracticeDayKind.ThemeDay);
            Assert.InRange(PracticeDays.Qingming(year).Day, 4, 6);
        }
    }

    [Fact]
    public void YearsOutsideTheTables_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PracticeDays.For(1900));
        Assert.Throws<ArgumentOutOfRangeException>(() => PracticeDays.For(2100));
    }
}
