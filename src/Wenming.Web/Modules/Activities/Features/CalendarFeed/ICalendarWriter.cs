using System.Globalization;
using System.Text;

namespace Wenming.Web.Modules.Activities.Features.CalendarFeed;

public enum CalendarEventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}

public sealed record CalendarEvent(string Uid, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string? Location, string? Description, string? Url, CalendarEventStatus Status);

/// <summary>
/// A minimal RFC 5545 writer: enough for phone and desktop calendars to subscribe. Times are UTC ("Z")
/// so no VTIMEZONE is needed; text is escaped and lines are folded at 75 octets without splitting a
/// UTF-8 character, which Chinese text would otherwise hit on almost every line.
/// </summary>
public static class ICalendarWriter
{
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTime nowUtc)
    {
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Wenming//Activities//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:Asia/Shanghai");
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + e.Uid);
            Line("DTSTAMP:" + Utc(nowUtc));
            Line("DTSTART:" + Utc(e.StartsAtUtc));
            Line("DTEND:" + Utc(e.EndsAtUtc));
            Line("SUMMARY:" + Escape(e.Summary));
            if (e.Location is { Length: > 0 } location)
            {
                Line("LOCATION:" + Escape(location));
            }

            if (e.Description is { Length: > 0 } description)
            {
                Line("DESCRIPTION:" + Escape(description));
            }

            if (e.Url is { Length: > 0 } url)
            {
                Line("URL:" + url);
            }

            Line("STATUS:" + e.Status.ToString().ToUpperInvariant());
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Content lines longer than 75 octets continue on the next line after CRLF and one space (RFC 5545 §3.1).</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
