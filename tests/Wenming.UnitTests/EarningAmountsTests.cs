using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Earning;
using Wenming.Web.Platform.Localization;

namespace Wenming.UnitTests;

/// <summary>The arithmetic of automatic earning (RULES.md Points): whole points, rounded down.</summary>
public sealed class EarningAmountsTests
{
    [Theory]
    [InlineData(60, 10, 10)]
    [InlineData(150, 10, 25)]
    [InlineData(170, 10, 28)] // 2 h 50 min = 28.33 → 28
    [InlineData(20, 10, 3)] // 3.33 → 3
    [InlineData(5, 10, 0)] // less than a point's worth pays nothing
    [InlineData(1440, 10, 240)] // a full day, the longest record
    [InlineData(90, 15, 22)] // 22.5 → 22
    [InlineData(0, 10, 0)]
    [InlineData(-120, 10, 0)] // a reversal record's negative minutes never pay
    [InlineData(120, 0, 0)] // a county that pays nothing for hours
    public void ServiceMinutes_PayPerHour_RoundedDown(int minutes, int perHour, int expected) =>
        Assert.Equal(expected, EarningAmounts.ForServiceMinutes(minutes, perHour));

    [Theory]
    [InlineData(20, 20, 4)]
    [InlineData(25, 20, 5)]
    [InlineData(28, 20, 5)] // 5.6 → 5
    [InlineData(4, 20, 0)] // 0.8 → nothing
    [InlineData(240, 20, 48)]
    [InlineData(30, 0, 0)]
    [InlineData(0, 20, 0)]
    public void OrganizerBonus_IsAPercentOfTheAttendeesHourPoints_RoundedDown(int hourPoints, int percent, int expected) =>
        Assert.Equal(expected, EarningAmounts.OrganizerBonus(hourPoints, percent));

    [Fact]
    public void TheDefaults_AreRulesMd() =>
        Assert.Equal(
            (10, 2, 5, 20),
            (EffectivePointRules.Defaults.PerServiceHour, EffectivePointRules.Defaults.PerActivityAttended,
             EffectivePointRules.Defaults.PerCompletedOrder, EffectivePointRules.Defaults.OrganizerBonusPercent));

    [Theory]
    [InlineData(150, "2.5")]
    [InlineData(480, "8")]
    [InlineData(110, "1.83")]
    public void Hours_ReadAsInTheRecord(int minutes, string expected) => Assert.Equal(expected, EarningAmounts.Hours(minutes));

    [Fact]
    public void Reasons_AreChinese_AndFitTheLedger()
    {
        Assert.Equal("志愿服务 2.5 小时：政策宣讲", Text.Get("Earn.reason.service_hours", EarningAmounts.Hours(150), "政策宣讲"));
        var longReason = EarningAmounts.Reason(Text.Get("Earn.reason.service_hours", "8", new string('讲', 300)));
        Assert.Equal(200, longReason.Length);
        Assert.EndsWith("…", longReason, StringComparison.Ordinal);
    }
}
