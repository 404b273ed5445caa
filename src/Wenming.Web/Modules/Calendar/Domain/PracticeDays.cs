using System.Globalization;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Calendar.Domain;

public enum PracticeDayKind
{
    /// <summary>我们的节日: the traditional festivals, the lunar ones on this year's solar date.</summary>
    Festival = 1,

    /// <summary>Memorial and theme days on a fixed solar date (学雷锋纪念日, 植树节 …).</summary>
    ThemeDay = 2,

    /// <summary>The county's own dates.</summary>
    County = 3,
}

/// <summary>One fixed date of the practice calendar for a year.</summary>
public sealed record PracticeDay(DateOnly Date, string Name, PracticeDayKind Kind);

/// <summary>
/// RULES.md's practice calendar: 春节, 元宵, 清明, 端午, 七夕, 中秋, 重阳 computed for the year (the lunar ones with
/// .NET's ChineseLunisolarCalendar, 清明 as the solar term at 15° of solar longitude) and the fixed theme days.
/// </summary>
public static class PracticeDays
{
    /// <summary>The years both computations hold for: the lunisolar calendar covers 1901–2100, the 清明 constants 1901–2099.</summary>
    public const int FirstYear = 1901;
    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static IReadOnlyList<PracticeDay> For(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The practice calendar covers 1901–2099.");
        }

        List<PracticeDay> days =
        [
            new(FromLunar(year, 1, 1), Text.Get("Practice.day.spring"), PracticeDayKind.Festival),
            new(FromLunar(year, 1, 15), Text.Get("Practice.day.lantern"), PracticeDayKind.Festival),
            new(Qingming(year), Text.Get("Practice.day.qingming"), PracticeDayKind.Festival),
            new(FromLunar(year, 5, 5), Text.Get("Practice.day.dragon_boat"), PracticeDayKind.Festival),
            new(FromLunar(year, 7, 7), Text.Get("Practice.day.qixi"), PracticeDayKind.Festival),
            new(FromLunar(year, 8, 15), Text.Get("Practice.day.mid_autumn"), PracticeDayKind.Festival),
            new(FromLunar(year, 9, 9), Text.Get("Practice.day.double_ninth"), PracticeDayKind.Festival),
            new(new DateOnly(year, 3, 5), Text.Get("Practice.day.lei_feng"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 3, 12), Text.Get("Practice.day.arbor"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 5, 4), Text.Get("Practice.day.youth"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 7, 1), Text.Get("Practice.day.party"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 8, 1), Text.Get("Practice.day.army"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 10, 1), Text.Get("Practice.day.national"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 12, 4), Text.Get("Practice.day.constitution"), PracticeDayKind.ThemeDay),
            new(new DateOnly(year, 12, 5), Text.Get("Practice.day.volunteer"), PracticeDayKind.ThemeDay),
        ];
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// The solar date of a lunar month and day in the lunar year that starts in <paramref name="year"/>. The calendar
    /// numbers months 1–13 in a leap year, the leap month taking the number after the month it repeats, so months
    /// from the leap one on move up by one.
    /// </summary>
    public static DateOnly FromLunar(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明, the day the sun reaches 15° of longitude, by the published term formula ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y the last
    /// two digits, C = 5.59 for 1901–1999, 4.81 from 2000), which gives 4–6 April in China time and has no
    /// exception years for this term in 1901–2099.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var c = year < 2000 ? 5.59 : 4.81;
        var day = (int)Math.Floor(y * 0.2422 + c) - y / 4;
        return new DateOnly(year, 4, day);
    }
}
