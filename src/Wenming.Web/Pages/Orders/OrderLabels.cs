using System.Globalization;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Orders;

/// <summary>Chinese labels, light badges and times for the order pages.</summary>
public static class OrderLabels
{
    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The light as a coloured dot and its name (colour alone is not enough for everyone).</summary>
    public static string LightClass(OrderLight? light) => "light light-" + (light?.ToString() ?? "None");

    public static string StatusBadge(OrderStatus status) => status switch
    {
        OrderStatus.Completed or OrderStatus.Rated or OrderStatus.Closed => "badge badge-ok",
        OrderStatus.Withdrawn or OrderStatus.Rejected => "badge badge-off",
        OrderStatus.Submitted => "badge badge-warn",
        _ => "badge",
    };

    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);

    /// <summary>China time typed into a datetime-local input, as an instant.</summary>
    public static DateTimeOffset? China(DateTime? local) => local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), Text.ChinaOffset) : null;
}
