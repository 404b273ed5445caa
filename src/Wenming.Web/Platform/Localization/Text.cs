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
    // Every Resources/*.resx of the assembly: Messages (API and validation), Ui (page text), and one
    // per module that has its own (Volunteers.resx …), so modules add text without editing a shared file.
    private static readonly ResourceManager[] Managers = typeof(Text).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Wenming.Web.Resources.", StringComparison.Ordinal) && n.EndsWith(".resources", StringComparison.Ordinal))
        .Select(n => n[..^".resources".Length])
        .Order(StringComparer.Ordinal)
        .Select(baseName => new ResourceManager(baseName, typeof(Text).Assembly))
        .ToArray();

    public static string Get(string key, params object[] args)
    {
        var template = Find(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public static bool Has(string key) => Find(key, CultureInfo.InvariantCulture) is not null;

    private static string? Find(string key, CultureInfo culture)
    {
        foreach (var manager in Managers)
        {
            if (manager.GetString(key, culture) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>China Standard Time, used for display; the database keeps UTC.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset);

    public static string Display(DateTime utc) => ToChinaTime(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
