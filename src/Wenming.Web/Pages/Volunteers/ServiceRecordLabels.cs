using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>How service records show on the pages (Resources/ServiceRecords.resx).</summary>
public static class ServiceRecordLabels
{
    public static string Stars(int stars) => stars == 0 ? Text.Get("Volunteers.sr.no_stars") : new string('★', stars);

    public static string Badge(ServiceRecordDto r) => r.ReversesRecordId is not null
        ? "badge badge-red"
        : r.Status switch
        {
            Modules.Volunteers.Domain.ServiceRecordStatus.Confirmed => "badge badge-ok",
            Modules.Volunteers.Domain.ServiceRecordStatus.Rejected => "badge badge-red",
            _ => "badge badge-warn",
        };

    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
