using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.SocialOrgs.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capital
/// letters without I, O, Z, S and V, which read like digits), the last being a MOD 31 check character.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character of the first 17 characters (which must be in the alphabet).</summary>
    public static char ComputeCheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>Normalizes (trim, upper case) and validates; the error code says what is wrong.</summary>
    public static Result<string> Parse(string? value)
    {
        var code = (value ?? "").Trim().ToUpperInvariant();
        if (code.Length != 18)
        {
            return Error.Of("socialorg.credit_code_length", ErrorKind.Validation);
        }

        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return Error.Of("socialorg.credit_code_chars", ErrorKind.Validation);
        }

        return ComputeCheckChar(code) == code[17] ? code : Error.Of("socialorg.credit_code_checksum", ErrorKind.Validation);
    }
}

/// <summary>A contact number: a mainland mobile (11 digits) or a landline with its area code (0571-88888888).</summary>
public static class ContactPhone
{
    public static bool IsValid(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
