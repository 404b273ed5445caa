using System.Text;
using Wenming.Web.Modules.Activities.Features.CalendarFeed;

namespace Wenming.UnitTests;

public sealed class ICalendarWriterTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Escape_BackslashSemicolonCommaAndNewlines()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf", ICalendarWriter.Escape("a\\b;c,d\r\ne\nf"));
    }

    [Fact]
    public void LongChineseLines_AreFoldedAt75Octets_WithoutSplittingACharacter()
    {
        var summary = string.Concat(Enumerable.Repeat("新时代文明实践志愿服务", 8));
        var ics = ICalendarWriter.Write("日历", [new CalendarEvent("u1", Now, Now.AddHours(2), summary, "文化大院", null, null, CalendarEventStatus.Confirmed)], Now);

        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.DoesNotContain('\uFFFD', ics);
        Assert.Contains("SUMMARY:" + summary, ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_HasUtcTimes_Status_AndTheCalendarFrame()
    {
        var ics = ICalendarWriter.Write("我的志愿活动", [new CalendarEvent("activity-7@wenming", Now, Now.AddHours(2), "宣讲", "村委会", "带上笔记本", "https://x/activities/7", CalendarEventStatus.Cancelled)], Now);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261123T010000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261123T030000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("UID:activity-7@wenming\r\n", ics, StringComparison.Ordinal);
    }
}
