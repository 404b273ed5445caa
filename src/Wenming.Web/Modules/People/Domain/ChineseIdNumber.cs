using System.Globalization;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.People.Domain;

/// <summary>
/// 居民身份证号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
/// and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public sealed record ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    // First two digits: provinces, autonomous regions and municipalities (GB/T 2260), plus 71/81/82 (Taiwan, HK, Macao) and 83 (residence permits).
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private ChineseIdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>110***********1234: the first three and last four characters.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => value.Length < 8 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    public static Result<ChineseIdNumber> Parse(string? input, DateOnly today)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            return Error.Field("idNumber", "person.id_number_length");
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return Error.Field("idNumber", "person.id_number_invalid");
        }

        if (!Provinces.Contains(value[..2]))
        {
            return Error.Field("idNumber", "person.id_number_invalid");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1900)
        {
            return Error.Field("idNumber", "person.id_number_birth_date");
        }

        if (ComputeCheckChar(value.AsSpan(0, 17)) != value[17])
        {
            return Error.Field("idNumber", "person.id_number_checksum");
        }

        var gender = (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return new ChineseIdNumber(value, birth, gender);
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>Mainland mobile numbers: 11 digits starting 13-19.</summary>
public static class MobileNumber
{
    public static Result<string> Parse(string? input, string field = "phone")
    {
        var value = (input ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }

        if (value.Length != 11 || value[0] != '1' || value[1] < '3' || !value.All(char.IsAsciiDigit))
        {
            return Error.Field(field, "person.phone_invalid");
        }

        return value;
    }

    public static string Mask(string phone) => phone.Length == 11 ? phone[..3] + "****" + phone[7..] : phone;
}
