using System.Globalization;
using Wenming.Web.Modules.Supervision.Domain;

namespace Wenming.Web.Pages.Supervision;

/// <summary>The light chip's class and the times as the supervision pages show them (China time).</summary>
public static class SupervisionView
{
    public static string LightClass(SupervisionLight light) => "light light-" + light;

    public static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static IReadOnlyList<SupervisionLight> Lights { get; } = [SupervisionLight.Red, SupervisionLight.Yellow, SupervisionLight.Blue, SupervisionLight.Green];
}
