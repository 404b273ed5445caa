using System.Globalization;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Content;

/// <summary>How the portal writes days, times and points (China time throughout).</summary>
public static class PortalLabels
{
    /// <summary>"12月5日 星期六".</summary>
    public static string Day(DateOnly day) =>
        day.ToString("M月d日 dddd", CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>"09:00–11:00", or with the end's date when it ends on another day.</summary>
    public static string Span(DateTimeOffset starts, DateTimeOffset ends)
    {
        var from = starts.ToOffset(Text.ChinaOffset);
        var until = ends.ToOffset(Text.ChinaOffset);
        var end = from.Date == until.Date ? until.ToString("HH:mm", CultureInfo.InvariantCulture) : until.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        return from.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + end;
    }

    /// <summary>"+20" or "−10".</summary>
    public static string WithSign(long points) => points > 0 ? "+" + points.ToString(CultureInfo.InvariantCulture) : "−" + Math.Abs(points).ToString(CultureInfo.InvariantCulture);
}
