using Wenming.Web.Platform.Lights;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>The light chip's class as the supervision pages draw it (supervision.css), for 包镇联村's months.</summary>
public static class FieldworkView
{
    public static string LightClass(Light? light) => light is { } l ? "light light-" + l : "muted";
}
