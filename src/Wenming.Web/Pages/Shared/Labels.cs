using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Shared;

/// <summary>Chinese names of the enums the pages show, from Ui.resx so that another language is a new file.</summary>
public static class Labels
{
    public static string Level(OrgLevel level) => Text.Get("Shell.level." + level);

    public static string Status(OrgUnitStatus status) => Text.Get("Shell.status." + status);

    public static string Role(Role role) => Text.Get("Shell.role." + role);

    /// <summary>
    /// The roles in words. A department's admin holds the institute admin's role on a county body (ADR 0060) and is
    /// named for that (部门管理员), not after a township's institute.
    /// </summary>
    public static string Roles(IEnumerable<Role> roles, bool ofDepartment = false) =>
        string.Join("、", roles.Select(r => ofDepartment && r == Platform.Scope.Role.InstituteAdmin ? Text.Get("Shell.role.DepartmentAdmin") : Role(r)));

    /// <summary>The signed-in account's roles in words (the top bar, the home page, 我的).</summary>
    public static async Task<string> RolesAsync(CurrentActor actor, IOrgDirectory orgs, CancellationToken ct) =>
        Roles(actor.Roles, await orgs.IsDepartmentAdminAsync(actor, ct));

    public static string Political(PoliticalStatus status) => Text.Get("Shell.political." + status);

    public static string Gender(Gender gender) => Text.Get("Shell.gender." + gender);

    public static string Action(AuditAction action) => Text.Get("Shell.audit.action." + action);

    /// <summary>
    /// An audited value in words where the log keeps an enum's number or the role list's names
    /// (Level 3 → 实践所); anything else is shown as stored.
    /// </summary>
    public static string? FieldValue(string property, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return property switch
        {
            "Level" when Enum.TryParse<OrgLevel>(value, out var level) && Enum.IsDefined(level) => Level(level),
            "Status" when Enum.TryParse<OrgUnitStatus>(value, out var status) && Enum.IsDefined(status) => Status(status),
            "PoliticalStatus" when Enum.TryParse<PoliticalStatus>(value, out var political) && Enum.IsDefined(political) => Political(political),
            "Gender" when Enum.TryParse<Gender>(value, out var gender) && Enum.IsDefined(gender) => Gender(gender),
            "RoleList" => Roles(value.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => Enum.TryParse<Role>(r, out var role) ? role : (Role?)null).OfType<Role>()),
            _ => value,
        };
    }
}
