using Wenming.Web.Modules.Households.Domain;

namespace Wenming.UnitTests;

/// <summary>RULES.md's 十必联 visit times: each kind's due time, the inclusive boundary of "overdue", and the China-time month of the monthly visits.</summary>
public sealed class HouseholdVisitDueTests
{
    private static readonly DateTime Occurred = new(2026, 6, 10, 2, 30, 0, DateTimeKind.Utc);

    private static Household Household(params HouseholdTag[] tags) =>
        Wenming.Web.Modules.Households.Domain.Household.Create(1, 2, "桃花村1号", 3, tags, Occurred);

    [Theory]
    [InlineData(HouseholdEventKind.Emergency, 24)]
    [InlineData(HouseholdEventKind.Illness, 24)]
    [InlineData(HouseholdEventKind.Funeral, 24)]
    [InlineData(HouseholdEventKind.Dispute, 24)]
    [InlineData(HouseholdEventKind.Hardship, 48)]
    [InlineData(HouseholdEventKind.Petition, 48)]
    [InlineData(HouseholdEventKind.Celebration, 168)]
    [InlineData(HouseholdEventKind.Enlistment, 168)]
    public void Due_IsTheKindsTimeAfterTheEvent(HouseholdEventKind kind, int hours) =>
        Assert.Equal(Occurred.AddHours(hours), VisitDue.DueAt(kind, Occurred));

    [Fact]
    public void Overdue_StartsJustAfterTheDueInstant_AndAVisitAtTheDueInstantIsInTime()
    {
        var e = HouseholdEvent.Log(Household(), HouseholdEventKind.Emergency, Occurred, null, "t", Occurred);
        var due = Occurred.AddHours(24);
        Assert.False(e.IsOverdueAt(due.AddTicks(-10)));
        Assert.False(e.IsOverdueAt(due));
        Assert.Equal(HouseholdEventLight.Blue, e.LightAt(due));
        Assert.True(e.IsOverdueAt(due.AddTicks(10)));
        Assert.Equal(HouseholdEventLight.Red, e.LightAt(due.AddTicks(10)));

        e.Visited(due);
        Assert.False(e.WasVisitedLate);
        Assert.False(e.IsOverdueAt(due.AddDays(10)));
        Assert.Equal(HouseholdEventLight.Green, e.LightAt(due.AddDays(10)));
    }

    [Fact]
    public void AVisitAfterTheDueInstant_IsLate_AndStaysRed()
    {
        var e = HouseholdEvent.Log(Household(), HouseholdEventKind.Hardship, Occurred, null, "t", Occurred);
        e.Visited(Occurred.AddHours(48).AddSeconds(1));
        Assert.True(e.WasVisitedLate);
        Assert.Equal(HouseholdEventStatus.Visited, e.Status);
        Assert.Equal(HouseholdEventLight.Red, e.LightAt(Occurred.AddDays(30)));
    }

    [Fact]
    public void TheMonth_IsChinaTime_SoTheLastEightHoursOfAUtcMonthBelongToTheNext()
    {
        // 2026-11-30 16:00 UTC is 2026-12-01 00:00 in China.
        var (period, start, due) = VisitDue.MonthOf(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal("2026-12", period);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc).AddTicks(-10), due);

        Assert.Equal("2026-11", VisitDue.MonthOf(new DateTime(2026, 11, 30, 15, 59, 59, DateTimeKind.Utc)).Period);
    }

    [Fact]
    public void AMonthlyEvent_IsDueAtTheMonthsLastInstant_AndOverdueOnTheFirstOfTheNext()
    {
        var e = HouseholdEvent.Log(Household(HouseholdTag.EmptyNestElder), HouseholdEventKind.EmptyNestElder, Occurred, null, "system", Occurred);
        Assert.Equal("2026-06", e.Period);
        Assert.Equal(new DateTime(2026, 5, 31, 16, 0, 0, DateTimeKind.Utc), e.OccurredAt);
        var firstOfJuly = new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc);
        Assert.False(e.IsOverdueAt(firstOfJuly.AddTicks(-10)));
        Assert.True(e.IsOverdueAt(firstOfJuly));
    }

    [Fact]
    public void Tags_AreKeptWholeAndSorted_SoOneNameNeverMatchesInsideAnother()
    {
        var h = Household(HouseholdTag.Hardship, HouseholdTag.EmptyNestElder, HouseholdTag.Hardship);
        Assert.Equal(",EmptyNestElder,Hardship,", h.Tags);
        Assert.True(h.Has(HouseholdTag.EmptyNestElder));
        Assert.False(h.Has(HouseholdTag.LeftBehindChild));
        Assert.Equal([HouseholdTag.EmptyNestElder, HouseholdTag.Hardship], h.TagList);
        Assert.Equal(",", Household().Tags);
    }
}
