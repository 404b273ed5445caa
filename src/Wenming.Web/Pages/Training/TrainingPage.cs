using System.Globalization;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Training;

/// <summary>Small display helpers shared by the training pages.</summary>
public static class TrainingPage
{
    public static string DateTime(DateTimeOffset at) => at.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
