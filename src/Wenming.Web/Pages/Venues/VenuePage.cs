using System.Globalization;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Venues;

/// <summary>Small display helpers shared by the venue pages.</summary>
public static class VenuePage
{
    public static string Time(DateTimeOffset at) => at.ToOffset(Text.ChinaOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => at.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("M-d", CultureInfo.InvariantCulture) + " " + Weekday(date.DayOfWeek);

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Text.Get("Venues.ui.mon"),
        DayOfWeek.Tuesday => Text.Get("Venues.ui.tue"),
        DayOfWeek.Wednesday => Text.Get("Venues.ui.wed"),
        DayOfWeek.Thursday => Text.Get("Venues.ui.thu"),
        DayOfWeek.Friday => Text.Get("Venues.ui.fri"),
        DayOfWeek.Saturday => Text.Get("Venues.ui.sat"),
        _ => Text.Get("Venues.ui.sun"),
    };

    public static string Badge(BookingStatus status) => status switch
    {
        BookingStatus.Pending => "badge badge-warn",
        BookingStatus.Confirmed => "badge badge-ok",
        _ => "badge badge-off",
    };

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Text.ChinaOffset).DateTime);

    /// <summary>The Monday of the week <paramref name="day"/> is in.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
