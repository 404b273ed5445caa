using System.Globalization;

namespace Wenming.Web.Modules.Fund.Domain;

/// <summary>
/// Money as people type and read it: yuan with at most two decimals, kept as <c>long</c> fen (RULES.md, Money).
/// Parsed digit by digit, never through <see cref="double"/> or <see cref="decimal"/> parsing with its cultures,
/// so "0.1" is exactly 10 fen and "1.005" is refused rather than rounded.
/// </summary>
public static class Yuan
{
    /// <summary>The most one entry may carry: 100 million yuan (a county fund is far smaller; a typo is caught).</summary>
    public const long MaxFen = 10_000_000_000;

    /// <summary>"1234.5", " 1,234.50 ", "¥12", "12元" → fen; null when not a positive amount with at most two decimals, or above <see cref="MaxFen"/>.</summary>
    public static long? ParseFen(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        if (s.StartsWith('¥') || s.StartsWith('￥'))
        {
            s = s[1..].TrimStart();
        }

        if (s.EndsWith('元'))
        {
            s = s[..^1].TrimEnd();
        }

        s = s.Replace(",", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var cents = dot < 0 ? "" : s[(dot + 1)..];
        if (whole.Length == 0 || whole.Length > 11 || cents.Length > 2 || (dot >= 0 && cents.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !cents.All(char.IsAsciiDigit))
        {
            return null;
        }

        var fen = (long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100) + (cents.Length == 0 ? 0 : long.Parse(cents.PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture));
        return fen is > 0 and <= MaxFen ? fen : null;
    }

    /// <summary>12345 → "123.45", -500 → "-5.00", 123456789 → "1,234,567.89": two decimals always, thousands grouped.</summary>
    public static string Format(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = fen == long.MinValue ? ulong.MaxValue / 2 + 1 : (ulong)Math.Abs(fen);
        return sign + (abs / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (abs % 100).ToString("00", CultureInfo.InvariantCulture);
    }
}
