using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Organization.Domain;

/// <summary>
/// 统计用区划代码: 12 digits, province 2 + city 2 + county 2 + township 3 + village 3. A child's code
/// extends its parent's: it keeps the parent's significant digits and fills its own segment.
/// Practice points have no code.
/// </summary>
public static class DivisionCode
{
    /// <summary>How many leading digits are significant at each level.</summary>
    public static int SignificantDigits(OrgLevel level) => level switch
    {
        OrgLevel.City => 4,
        OrgLevel.County => 6,
        OrgLevel.Township => 9,
        OrgLevel.Village => 12,
        _ => 0,
    };

    public static Error? Check(OrgLevel level, string? code, string? parentCode)
    {
        // Departments are county bodies, not statistical divisions: like points, they carry no code.
        if (level is OrgLevel.Point or OrgLevel.Department)
        {
            return string.IsNullOrEmpty(code) ? null
                : Error.Field("divisionCode", level == OrgLevel.Department ? "org.division_code_not_for_departments" : "org.division_code_not_for_points");
        }

        if (string.IsNullOrEmpty(code))
        {
            return Error.Field("divisionCode", "org.division_code_required");
        }

        if (code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            return Error.Field("divisionCode", "org.division_code_format");
        }

        var own = SignificantDigits(level);
        var ownStart = own switch { 4 => 2, 6 => 4, 9 => 6, _ => 9 };
        if (code[ownStart..own].All(c => c == '0') || code[..2] == "00")
        {
            return Error.Field("divisionCode", "org.division_code_segment_empty");
        }

        if (code[own..].Any(c => c != '0'))
        {
            return Error.Field("divisionCode", "org.division_code_trailing");
        }

        if (parentCode is not null)
        {
            var parentDigits = ownStart;
            if (!code.StartsWith(parentCode[..parentDigits], StringComparison.Ordinal))
            {
                return Error.Field("divisionCode", "org.division_code_not_under_parent", parentCode[..parentDigits]);
            }
        }

        return null;
    }
}
