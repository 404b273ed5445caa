using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features;

/// <summary>Who may do what with the fund, and the checks every money input shares.</summary>
public static class FundAccess
{
    /// <summary>The county center keeps the books (DESIGN §7): records donations, reviews projects, pays, corrects.</summary>
    public static Error? RequireTreasurer(CurrentActor actor) => actor.RequireAny(Role.CenterAdmin, Role.SystemAdmin);

    public static bool IsTreasurer(CurrentActor actor) => actor.Has(Role.CenterAdmin) || actor.Has(Role.SystemAdmin);

    /// <summary>A unit (its admins) or a team (its leader) applies for a project.</summary>
    public static Error? RequireApplicant(CurrentActor actor) =>
        actor.IsAdmin || actor.Has(Role.TeamLeader) ? null : Error.Forbidden();

    public static void CheckAmount(FieldErrors fields, string field, long? fen)
    {
        if (fen is null)
        {
            fields.AddRequired(field, "Fund.field." + field);
        }
        else if (fen is < 1 or > Yuan.MaxFen)
        {
            fields.Add(field, "Fund.error.amount_range", Yuan.Format(Yuan.MaxFen));
        }
    }

    public static Error? CheckReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return FieldErrors.Required("reason", "Fund.field.reason");
        }

        return reason.Trim().Length > FundProject.MaxShortLength ? FieldErrors.TooLong("reason", "Fund.field.reason", FundProject.MaxShortLength) : null;
    }
}
