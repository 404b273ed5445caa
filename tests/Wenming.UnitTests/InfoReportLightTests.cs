using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Platform.Lights;

namespace Wenming.UnitTests;

/// <summary>
/// RULES.md 亮灯 for information reports at each boundary: an urgent report made at 09:00 (China time) must be signed for by
/// 10:00 and followed up by 09:00 the next day; yellow once less than 20% of a step's time is left (after 09:48 for the
/// receipt, after 04:12 next day for the follow-up). The list filter (<see cref="InfoReportsHandler.WithLight"/>) must agree
/// with the chip (<see cref="InfoReport.LightAt"/>) at every instant, so both are walked together. And the one rule
/// (<see cref="LightRule"/>) gives orders the lights they had before it was shared.
/// </summary>
public sealed class InfoReportLightTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTime Made = At(2026, 12, 1, 9, 0, 0);

    private static DateTime At(int y, int mo, int d, int h, int mi, int s) => new DateTimeOffset(y, mo, d, h, mi, s, China).UtcDateTime;

    private static InfoReport Report(bool urgent = true) =>
        InfoReport.Create(1, 3, 2, InfoReportCategory.SafetyAccident, urgent, "村道积水致老人滑倒", "已送医", 9, "village1", Made);

    private static void AssertLight(InfoReport report, DateTime now, SupervisionLight expected)
    {
        Assert.Equal(expected, report.LightAt(now));
        foreach (var light in Enum.GetValues<SupervisionLight>())
        {
            var listed = InfoReportsHandler.WithLight(new[] { report }.AsQueryable(), light, now).Any();
            Assert.True(listed == (light == expected), $"filter {light} at {now:O} listed={listed}, chip {expected}");
        }
    }

    [Fact]
    public void Unread_urgent_report_is_blue_then_yellow_after_48_minutes_then_red_after_the_hour()
    {
        var report = Report();
        AssertLight(report, Made, SupervisionLight.Blue);
        AssertLight(report, At(2026, 12, 1, 9, 48, 0), SupervisionLight.Blue);
        AssertLight(report, At(2026, 12, 1, 9, 48, 1), SupervisionLight.Yellow);
        AssertLight(report, At(2026, 12, 1, 10, 0, 0), SupervisionLight.Yellow);
        AssertLight(report, At(2026, 12, 1, 10, 0, 1), SupervisionLight.Red);
    }

    [Fact]
    public void Receipt_at_the_last_second_is_on_time_and_one_second_later_is_red_for_good()
    {
        var onTime = Report();
        onTime.MarkRead(7, "town1", At(2026, 12, 1, 10, 0, 0));
        AssertLight(onTime, At(2026, 12, 1, 12, 0, 0), SupervisionLight.Blue);

        var late = Report();
        late.MarkRead(7, "town1", At(2026, 12, 1, 10, 0, 1));
        late.AddFollowUp("已处置", "village1", At(2026, 12, 1, 11, 0, 0));
        AssertLight(late, At(2026, 12, 1, 12, 0, 0), SupervisionLight.Red);
    }

    [Fact]
    public void Follow_up_step_turns_yellow_with_a_fifth_of_its_day_left_and_red_after_24_hours()
    {
        var report = Report();
        report.MarkRead(7, "town1", At(2026, 12, 1, 9, 30, 0));
        AssertLight(report, At(2026, 12, 2, 4, 12, 0), SupervisionLight.Blue);
        AssertLight(report, At(2026, 12, 2, 4, 12, 1), SupervisionLight.Yellow);
        AssertLight(report, At(2026, 12, 2, 9, 0, 0), SupervisionLight.Yellow);
        AssertLight(report, At(2026, 12, 2, 9, 0, 1), SupervisionLight.Red);
    }

    [Fact]
    public void Read_and_followed_up_in_time_is_green_and_a_late_follow_up_red()
    {
        var green = Report();
        green.MarkRead(7, "town1", At(2026, 12, 1, 9, 20, 0));
        green.AddFollowUp("已处置完毕", "village1", At(2026, 12, 2, 9, 0, 0));
        AssertLight(green, At(2026, 12, 5, 0, 0, 0), SupervisionLight.Green);

        var late = Report();
        late.MarkRead(7, "town1", At(2026, 12, 1, 9, 20, 0));
        late.AddFollowUp("已处置完毕", "village1", At(2026, 12, 2, 9, 0, 1));
        AssertLight(late, At(2026, 12, 5, 0, 0, 0), SupervisionLight.Red);
    }

    [Fact]
    public void Routine_report_is_blue_until_read_then_green_whenever()
    {
        var report = Report(urgent: false);
        AssertLight(report, Made.AddDays(30), SupervisionLight.Blue);
        report.MarkRead(7, "town1", Made.AddDays(30));
        AssertLight(report, Made.AddDays(31), SupervisionLight.Green);
        Assert.False(report.MarkRead(8, "center", Made.AddDays(32)));
        Assert.Equal("town1", report.ReadByLogin);
    }

    [Fact]
    public void The_shared_rule_keeps_the_orders_boundaries()
    {
        var start = At(2026, 12, 1, 0, 0, 0);
        var due = start.AddHours(24);
        Assert.Equal(Light.Blue, LightRule.Step(start, due, null, due.AddMinutes(-288)));
        Assert.Equal(Light.Yellow, LightRule.Step(start, due, null, due.AddMinutes(-288).AddTicks(1)));
        Assert.Equal(Light.Yellow, LightRule.Step(start, due, null, due));
        Assert.Equal(Light.Red, LightRule.Step(start, due, null, due.AddTicks(1)));
        Assert.Equal(Light.Green, LightRule.Step(start, due, due, due.AddDays(3)));
        Assert.Equal(Light.Red, LightRule.Step(start, due, due.AddTicks(1), due.AddDays(3)));
        // A step without time (deadline at its start) is never yellow: blue until it passes, then red.
        Assert.Equal(Light.Blue, LightRule.Step(due, due, null, due));
        Assert.Equal(Light.Red, LightRule.Step(due, due, null, due.AddTicks(1)));
        Assert.Equal(Light.Red, LightRule.Worst(Light.Green, Light.Red, Light.Yellow));
        Assert.Equal(Light.Green, LightRule.Worst(Light.Green, Light.Green));
        Assert.Equal((int)Light.Red, (int)OrderLight.Red);
        Assert.Equal((int)Light.Yellow, (int)SupervisionLight.Yellow);
    }
}
