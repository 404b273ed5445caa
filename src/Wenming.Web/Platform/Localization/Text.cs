using System.Globalization;
using System.Resources;

namespace Wenming.Web.Platform.Localization;

/// <summary>
/// All user-facing text comes from Resources/Messages.resx (zh-CN is the neutral culture), so
/// another language is a new .resx file, not a code change. Missing keys show the key itself,
/// which a test catches.
/// </summary>
public static class Text
{
    // Messages: API and validation messages. Ui: page text (labels, navigation, headings).
    private static readonly ResourceManager Messages = new("Wenming.Web.Resources.Messages", typeof(Text).Assembly);
    private static readonly ResourceManager Ui = new("Wenming.Web.Resources.Ui", typeof(Text).Assembly);

    public static string Get(string key, params object[] args)
    {
        var template = Find(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public static bool Has(string key) => Find(key, CultureInfo.InvariantCulture) is not null;

    private static string? Find(string key, CultureInfo culture) =>
        Messages.GetString(key, culture) ?? Ui.GetString(key, culture);

    /// <summary>China Standard Time, used for display; the database keeps UTC.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset);

    public static string Display(DateTime utc) => ToChinaTime(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
