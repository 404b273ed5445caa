using Wenming.Web.Modules.Volunteers.Domain;

namespace Wenming.UnitTests;

/// <summary>RULES.md: under 14 cannot register; 14–17 need a guardian's consent; 18 and over register alone.</summary>
public sealed class VolunteerAgeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2012-11-23", 14)]
    [InlineData("2012-11-24", 13)]
    [InlineData("2008-11-23", 18)]
    [InlineData("2008-11-24", 17)]
    [InlineData("1990-01-01", 36)]
    public void On_CountsFullYears_ChangingOnTheBirthday(string birth, int age) =>
        Assert.Equal(age, VolunteerAge.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void On_ALeapDayBirthday_CountsFromTheFirstOfMarchInCommonYears()
    {
        var birth = new DateOnly(2008, 2, 29);
        Assert.Equal(17, VolunteerAge.On(birth, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, VolunteerAge.On(birth, new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData("2012-11-24", false, "volunteer.too_young")]
    [InlineData("2012-11-24", true, "volunteer.too_young")]
    [InlineData("2012-11-23", false, "volunteer.guardian_required")]
    [InlineData("2008-11-24", false, "volunteer.guardian_required")]
    [InlineData("2012-11-23", true, null)]
    [InlineData("2008-11-23", false, null)]
    public void Check_AppliesTheAgeAndGuardianRule(string birth, bool hasGuardian, string? refusal)
    {
        var error = VolunteerAge.Check(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today, hasGuardian);

        Assert.Equal(refusal, error?.Code);
        if (error is not null)
        {
            Assert.Equal(400, (int)error.Kind);
        }
    }
}
