using System.Globalization;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Activities;

/// <summary>Chinese labels and badges for activity pages.</summary>
public static class ActivityLabels
{
    public static string Status(ActivityStatus status) => Text.Get("activity.status." + status);

    public static string StatusBadge(ActivityStatus status) => status switch
    {
        ActivityStatus.Published or ActivityStatus.Ongoing => "badge badge-ok",
        ActivityStatus.Cancelled => "badge badge-red",
        _ => "badge badge-warn",
    };

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Span(ActivityDto a) =>
        Time(a.StartsAt) + " – " + (a.EndsAt.Date == a.StartsAt.Date ? a.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture) : Time(a.EndsAt));

    public static string Mine(EnrollmentStatus? status, int? position) => status switch
    {
        EnrollmentStatus.Enrolled => Text.Get("Activities.act.enrolled"),
        EnrollmentStatus.Waitlisted => Text.Get("Activities.act.waitlisted", position ?? 0),
        _ => "",
    };
}
