using System.Globalization;
using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Assessment;

/// <summary>How the assessment pages show numbers, states and times.</summary>
public static class AssessmentView
{
    public static string Number(decimal? value) => value is { } v ? v.ToString(v == Math.Round(v) ? "0" : "0.####", CultureInfo.InvariantCulture) : Text.Get("Assessment.ui.no_data");

    /// <summary>A part's raw value: a rate as a percentage (as the statistics show it), anything else as a number.</summary>
    public static string Value(decimal? value, bool percent) =>
        percent && value is { } rate ? Text.Percent(rate) : Number(value);

    public static string Points(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string StatusClass(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Published => "badge badge-ok",
        AssessmentStatus.Reviewed => "badge badge-warn",
        _ => "badge",
    };
}
