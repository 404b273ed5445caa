using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;

namespace Wenming.UnitTests;

public class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    // Published GB 11643 examples and hand-checked numbers.
    [InlineData("11010519491231002X", "1949-12-31", Gender.Female)]
    [InlineData("110101199003070038", "1990-03-07", Gender.Male)]
    [InlineData("440524188001010014", "1880-01-01", Gender.Male)]
    public void Parse_WhenChecksumIsRight_DerivesBirthDateAndGender(string input, string birth, Gender gender)
    {
        var result = ChineseIdNumber.Parse(input, Today);

        if (birth.StartsWith("1880", StringComparison.Ordinal))
        {
            // Born before 1900: refused as an implausible birth date even though the checksum is right.
            Assert.Equal("person.id_number_birth_date", result.Error!.Code);
            return;
        }

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), result.Value.BirthDate);
        Assert.Equal(gender, result.Value.Gender);
    }

    [Fact]
    public void Parse_AcceptsLowerCaseX_AndStoresUpperCase()
    {
        var result = ChineseIdNumber.Parse("11010519491231002x", Today);

        Assert.Equal("11010519491231002X", result.Value.Value);
    }

    [Theory]
    [InlineData("110101199003070039", "person.id_number_checksum")]
    [InlineData("11010119900307003", "person.id_number_length")]
    [InlineData("1101011990030700385", "person.id_number_length")]
    [InlineData("", "person.id_number_length")]
    [InlineData(null, "person.id_number_length")]
    [InlineData("11010119900230003X", "person.id_number_birth_date")]
    [InlineData("110101203001010031", "person.id_number_birth_date")]
    [InlineData("11010119900307003A", "person.id_number_invalid")]
    [InlineData("990101199003070035", "person.id_number_invalid")]
    public void Parse_WhenInvalid_ReturnsFieldErrorWithCode(string? input, string code)
    {
        var result = ChineseIdNumber.Parse(input, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.True(result.Error.Fields!.ContainsKey("idNumber"));
        Assert.DoesNotContain(".", result.Error.Message, StringComparison.Ordinal); // a Chinese sentence, not the raw key
    }

    [Fact]
    public void Masked_ShowsFirstThreeAndLastFour()
    {
        var id = ChineseIdNumber.Parse("110101199003070038", Today).Value;

        Assert.Equal("110***********0038", id.Masked);
    }

    [Fact]
    public void ComputeCheckChar_MatchesTheStandardForEveryRemainder()
    {
        // The demo generator relies on this for all 97 residents.
        for (var serial = 1; serial < 300; serial++)
        {
            var number = Wenming.Web.Demo.DemoCounty.FictionalIdNumber(new DateOnly(1980, 5, 17), serial);
            Assert.True(ChineseIdNumber.Parse(number, Today).IsSuccess, number);
        }
    }

    [Theory]
    [InlineData("2012-11-23", 14)]
    [InlineData("2012-11-24", 13)]
    [InlineData("2008-02-29", 18)]
    public void AgeOn_CountsWholeYears(string birth, int age) =>
        Assert.Equal(age, ChineseIdNumber.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today));
}

public class MobileNumberTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData("+86 139 1234 5678", "13912345678")]
    [InlineData("139-1234-5678", "13912345678")]
    public void Parse_NormalizesValidNumbers(string input, string expected) =>
        Assert.Equal(expected, MobileNumber.Parse(input).Value);

    [Theory]
    [InlineData("12912345678")]
    [InlineData("1391234567")]
    [InlineData("139123456789")]
    [InlineData("0571-8888888")]
    [InlineData("")]
    public void Parse_RefusesNonMobileNumbers(string input) =>
        Assert.Equal("person.phone_invalid", MobileNumber.Parse(input).Error!.Code);
}
