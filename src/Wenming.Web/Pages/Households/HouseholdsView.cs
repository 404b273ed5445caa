using System.Globalization;
using Wenming.Web.Modules.Households.Domain;

namespace Wenming.Web.Pages.Households;

/// <summary>How the household pages show lights and times (China time, as everywhere).</summary>
public static class HouseholdsView
{
    public static string LightClass(HouseholdEventLight light) => "light light-" + light;

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local value in China time (the form's default: now).</summary>
    public static string LocalInput(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What a person typed in a datetime-local box, read as China time.</summary>
    public static DateTimeOffset? FromLocal(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : null;
}
