using Wenming.Web.Modules.Fund.Domain;

namespace Wenming.UnitTests;

/// <summary>Amounts in Chinese capitals (大写) as the donation certificate prints them, zeros read as 零 once.</summary>
public class ChineseAmountTests
{
    [Theory]
    [InlineData(0, "零元整")]
    [InlineData(5, "伍分")]
    [InlineData(50, "伍角整")]
    [InlineData(100, "壹元整")]
    [InlineData(105, "壹元零伍分")]
    [InlineData(1_000, "壹拾元整")]
    [InlineData(100_000, "壹仟元整")]
    [InlineData(100_505, "壹仟零伍元零伍分")]
    [InlineData(101_000, "壹仟零壹拾元整")]
    [InlineData(123_456, "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData(1_000_000, "壹万元整")]
    [InlineData(1_050_000, "壹万零伍佰元整")]
    [InlineData(10_000_000, "壹拾万元整")]
    [InlineData(100_010_000, "壹佰万零壹佰元整")]
    [InlineData(1_200_000_000, "壹仟贰佰万元整")]
    [InlineData(10_000_000_000, "壹亿元整")]
    [InlineData(10_001_000_100, "壹亿零壹万零壹元整")]
    [InlineData(10_000_000_110, "壹亿零壹元壹角整")]
    public void Capital_ReadsTheAmount(long fen, string capital) => Assert.Equal(capital, ChineseAmount.Capital(fen));

    [Fact]
    public void Capital_RefusesNegativeAmounts() => Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.Capital(-1));
}
