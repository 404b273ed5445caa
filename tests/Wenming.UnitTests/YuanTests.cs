using Wenming.Web.Modules.Fund.Domain;

namespace Wenming.UnitTests;

/// <summary>Yuan typed by people, parsed exactly into fen (no floating point), and fen shown with two decimals.</summary>
public class YuanTests
{
    [Theory]
    [InlineData("1", 100)]
    [InlineData("0.1", 10)]
    [InlineData("0.01", 1)]
    [InlineData("0.29", 29)]
    [InlineData("1.10", 110)]
    [InlineData("1234.5", 123_450)]
    [InlineData(" 1,234.56 ", 123_456)]
    [InlineData("¥50000", 5_000_000)]
    [InlineData("￥ 12.30", 1_230)]
    [InlineData("88元", 8_800)]
    [InlineData("007", 700)]
    [InlineData("100000000", 10_000_000_000)]
    public void ParseFen_ReadsYuanExactly(string text, long fen) => Assert.Equal(fen, Yuan.ParseFen(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-1")]
    [InlineData("1.005")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1.2.3")]
    [InlineData("十元")]
    [InlineData("１２")]
    [InlineData("100000000.01")]
    [InlineData("99999999999999999999")]
    [InlineData("NaN")]
    public void ParseFen_RefusesWhatIsNotAnAmount(string? text) => Assert.Null(Yuan.ParseFen(text));

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(1, "0.01")]
    [InlineData(10, "0.10")]
    [InlineData(12_345, "123.45")]
    [InlineData(123_456_789, "1,234,567.89")]
    [InlineData(-500, "-5.00")]
    public void Format_ShowsTwoDecimals(long fen, string shown) => Assert.Equal(shown, Yuan.Format(fen));

    [Fact]
    public void EveryFenUpToTenYuan_RoundTrips()
    {
        for (long fen = 1; fen <= 1_000; fen++)
        {
            Assert.Equal(fen, Yuan.ParseFen(Yuan.Format(fen)));
        }
    }
}
