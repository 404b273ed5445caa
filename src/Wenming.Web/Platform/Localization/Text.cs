using System.Globalization;

namespace Wenming.Web.Platform.Localization;

/// <summary>
/// All user-facing text comes from .resx files (zh-CN is the neutral culture), so another language is
/// a new .resx file, not a code change. Each module keeps its texts next to it
/// (Modules/Orders/Orders.resx) under key prefixes it claims with <see cref="TextsAttribute"/>;
/// Platform/Localization/Platform.resx holds the shell's and the shared ones (ADR 0028). A lookup goes
/// straight to the one file that owns the key's prefix. Missing keys show the key itself, which a test catches.
/// </summary>
public static class Text
{
    private static readonly Lazy<TextOwners> Owners = new(() => TextOwners.Build(typeof(Text).Assembly));

    /// <summary>Builds the prefix table now, so a prefix claimed twice or an unowned key stops start-up, not a page.</summary>
    public static void EnsureConsistent() => _ = Owners.Value;

    public static string Get(string key, params object[] args)
    {
        var template = Find(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public static bool Has(string key) => Find(key, CultureInfo.InvariantCulture) is not null;

    private static string? Find(string key, CultureInfo culture) => Owners.Value.For(key)?.GetString(key, culture);

    /// <summary>China Standard Time, used for display; the database keeps UTC.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset);

    /// <summary>
    /// The same for a time that may be missing. In a query's projection EF Core reads the column and calls this on
    /// the row, where a conditional around the other overload would be translated into one more SQL column.
    /// </summary>
    public static DateTimeOffset? ToChinaTime(DateTime? utc) => utc is { } at ? ToChinaTime(at) : null;

    /// <summary>A rate from 0 to 1 as the pages and reports show it: 0.6 → "60.0 %".</summary>
    public static string Percent(decimal rate) => rate.ToString("0.0 %", CultureInfo.InvariantCulture);

    public static string Display(DateTime utc) => ToChinaTime(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
