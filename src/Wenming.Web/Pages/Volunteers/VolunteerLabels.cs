using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>Chinese labels of the volunteer module's enums (Resources/Volunteers.resx).</summary>
public static class VolunteerLabels
{
    public static string Status(VolunteerStatus status) => Text.Get("volunteer.status." + status);

    public static string StatusBadge(VolunteerStatus status) => status switch
    {
        VolunteerStatus.Approved => "badge badge-ok",
        VolunteerStatus.Rejected => "badge badge-red",
        _ => "badge badge-warn",
    };

    public static string Category(TeamCategory category) => TeamCategories.Label(category);

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
