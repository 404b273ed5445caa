using Wenming.Web.Modules.Volunteers.Domain;

namespace Wenming.UnitTests;

public sealed class ServiceRecordRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("99.99", 0)]
    [InlineData("100", 1)]
    [InlineData("299.99", 1)]
    [InlineData("300", 2)]
    [InlineData("600", 3)]
    [InlineData("999.99", 3)]
    [InlineData("1000", 4)]
    [InlineData("1499", 4)]
    [InlineData("1500", 5)]
    [InlineData("9000", 5)]
    [InlineData("-5", 0)]
    public void StarLevel_FollowsTheThresholds(string hours, int stars) =>
        Assert.Equal(stars, StarLevel.For(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void StarLevel_FromMinutes_CountsWholeHoursExactly()
    {
        Assert.Equal(0, StarLevel.ForMinutes((100 * 60) - 1));
        Assert.Equal(1, StarLevel.ForMinutes(100 * 60));
    }

    private static ServiceRecord Pending(int minutes = 120) =>
        ServiceRecord.Record(1, 2, 3, ServiceSourceKind.Manual, null, new DateOnly(2026, 11, 1), "村委会", "助老", minutes, 9, Now);

    [Fact]
    public void Reverse_OfAConfirmedRecord_IsConfirmedWithNegativeMinutesAndTheReason()
    {
        var record = Pending();
        Assert.Null(record.Confirm(9, Now));

        var reversal = record.Reverse("重复登记", 10, Now.AddDays(1));

        Assert.True(reversal.IsSuccess);
        Assert.Equal(-120, reversal.Value.Minutes);
        Assert.Equal(ServiceRecordStatus.Confirmed, reversal.Value.Status);
        Assert.Equal("重复登记", reversal.Value.Reason);
        Assert.True(reversal.Value.IsReversal);
        Assert.Null(reversal.Value.SourceId);
        Assert.Equal(120, record.Minutes);
    }

    [Fact]
    public void Reverse_OfAPendingOrRejectedRecordOrOfAReversal_IsRefused()
    {
        Assert.Equal("service_record.not_reversible", Pending().Reverse("x", 1, Now).Error!.Code);

        var rejected = Pending();
        Assert.Null(rejected.Reject("无记录", 1, Now));
        Assert.Equal("service_record.not_reversible", rejected.Reverse("x", 1, Now).Error!.Code);

        var confirmed = Pending();
        confirmed.Confirm(1, Now);
        var reversal = confirmed.Reverse("x", 1, Now).Value;
        Assert.Equal("service_record.not_reversible", reversal.Reverse("y", 1, Now).Error!.Code);
    }

    [Fact]
    public void Confirmed_IsFinal()
    {
        var record = Pending();
        Assert.Null(record.Confirm(1, Now));
        Assert.Equal("service_record.not_pending", record.Confirm(2, Now)!.Code);
        Assert.Equal("service_record.not_pending", record.Reject("晚了", 2, Now)!.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData((24 * 60) + 1)]
    public void Record_RefusesTimeOutsideOneDay(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pending(minutes));

    [Fact]
    public void Hours_ConvertToMinutesAndBack()
    {
        Assert.Equal(90, ServiceHours.ToMinutes(1.5m));
        Assert.Equal(1.5m, ServiceHours.ToHours(90));
        Assert.Equal(0.02m, ServiceHours.ToHours(1));
        Assert.Equal(-0.5m, ServiceHours.ToHours(-30));
    }
}
