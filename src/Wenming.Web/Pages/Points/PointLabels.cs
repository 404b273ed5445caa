using System.Globalization;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Points;

/// <summary>How the points pages write numbers, stars and times.</summary>
public static class PointLabels
{
    /// <summary>"+30" / "-10": a statement line says which way the points moved.</summary>
    public static string Amount(long amount) => amount > 0 ? "+" + amount.ToString(CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture);

    public static string AmountClass(long amount) => amount > 0 ? "pts-plus" : amount < 0 ? "pts-minus" : "muted";

    /// <summary>Filled and empty stars out of five: ★★☆☆☆.</summary>
    public static string Stars(int stars, int of = 5) => new string('★', Math.Clamp(stars, 0, of)) + new string('☆', of - Math.Clamp(stars, 0, of));

    public static string Time(DateTimeOffset at) => at.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Who booked a line: a login, or 系统自动 for the platform's own jobs and event handlers (job:…, event:…, system).</summary>
    public static string By(string login) => Modules.Points.Features.PointBookingWords.By(login);

    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
