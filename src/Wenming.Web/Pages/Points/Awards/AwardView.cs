using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Points.Awards;

/// <summary>How the award pages show states, signs and times.</summary>
public static class AwardView
{
    public static string StatusBadge(AwardStatus status) => status switch
    {
        AwardStatus.Proposed => "badge badge-warn",
        AwardStatus.Approved => "badge",
        AwardStatus.Credited => "badge badge-ok",
        _ => "badge badge-off",
    };

    public static string PointsClass(long points) => points < 0 ? "award-points award-minus" : "award-points award-plus";

    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? at) => at is { } t ? t.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Label(string key, params object[] args) => Text.Get(key, args);
}
