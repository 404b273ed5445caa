using Wenming.Web.Modules.SocialOrgs.Domain;

namespace Wenming.UnitTests;

public class CreditCodeTests
{
    [Theory]
    // The example code printed in guides to GB 32100-2015, and the demo county's codes (check characters computed by hand).
    [InlineData("91350100M000100Y43")]
    [InlineData("51339901MJ12345670")]
    [InlineData("52339901MJ2345678E")]
    [InlineData("53339901MJ4567890F")]
    [InlineData("52339901mj5678901r")]
    public void Parse_WhenCheckCharacterIsRight_AcceptsAndUpperCases(string input)
    {
        var result = CreditCode.Parse(input);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(input.ToUpperInvariant(), result.Value);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "socialorg.credit_code_checksum")]
    [InlineData("51339901MJ12345671", "socialorg.credit_code_checksum")]
    [InlineData("91350100M000100Y4", "socialorg.credit_code_length")]
    [InlineData("91350100M000100Y430", "socialorg.credit_code_length")]
    [InlineData("", "socialorg.credit_code_length")]
    [InlineData(null, "socialorg.credit_code_length")]
    // I, O, Z, S and V are not in the alphabet: they read like 1, 0, 2, 5 and U.
    [InlineData("91350100I000100Y43", "socialorg.credit_code_chars")]
    [InlineData("91350100O000100Y43", "socialorg.credit_code_chars")]
    [InlineData("9135010-M000100Y43", "socialorg.credit_code_chars")]
    public void Parse_WhenCodeIsWrong_SaysWhy(string? input, string code)
    {
        var result = CreditCode.Parse(input);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Error.Message);
    }

    [Fact]
    public void ComputeCheckChar_WhenSumIsAMultipleOf31_IsZero()
    {
        // 17 zeros weigh nothing: (31 - 0 % 31) % 31 = 0, not the out-of-range 31.
        Assert.Equal('0', CreditCode.ComputeCheckChar(new string('0', 17)));
    }

    [Theory]
    [InlineData("13905710001", true)]
    [InlineData("0571-88888888", true)]
    [InlineData("057188888888", true)]
    [InlineData("010-12345678", true)]
    [InlineData("12345678901", false)]
    [InlineData("88888888", false)]
    [InlineData("0571-888", false)]
    public void ContactPhone_AcceptsMobilesAndLandlinesWithAreaCode(string phone, bool valid) =>
        Assert.Equal(valid, ContactPhone.IsValid(phone));
}
