using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>
/// The age rules of registration (RULES.md, 中国注册志愿者管理办法): under 14 cannot register,
/// 14–17 need a guardian's recorded consent, 18 and over register on their own.
/// </summary>
public static class VolunteerAge
{
    public const int Minimum = 14;

    public const int Adult = 18;

    /// <summary>Full years on <paramref name="on"/> (a birthday on 29 February counts from 1 March in common years).</summary>
    public static int On(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>Why a person born on <paramref name="birthDate"/> may not register on <paramref name="on"/>, or null.</summary>
    public static Error? Check(DateOnly birthDate, DateOnly on, bool hasGuardian)
    {
        var age = On(birthDate, on);
        if (age < Minimum)
        {
            return Error.Field("personId", "volunteer.too_young", Minimum);
        }

        return age < Adult && !hasGuardian ? Error.Field("guardian", "volunteer.guardian_required") : null;
    }

    public static bool IsMinor(DateOnly birthDate, DateOnly on) => On(birthDate, on) < Adult;
}
