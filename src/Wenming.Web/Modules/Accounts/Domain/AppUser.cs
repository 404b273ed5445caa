using Microsoft.AspNetCore.Identity;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Domain;

/// <summary>A sign-in account, bound to one org unit; it sees and changes only that unit's subtree.</summary>
public sealed class AppUser : IdentityUser<long>, IOrgScoped
{
    public string DisplayName { get; set; } = "";

    public long OrgUnitId { get; set; }

    public long? CountyId { get; set; }

    public long? PersonId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>The last successful password sign-in (written without an audit row); the retention job's measure of activity.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// The roles, stored as one comma-separated column so that a grant or revoke is an ordinary,
    /// audited change of the account row.
    /// </summary>
    public string RoleList { get; private set; } = "";

    public IReadOnlyList<Role> Roles => RoleList.Length == 0
        ? []
        : [.. RoleList.Split(',').Select(Enum.Parse<Role>)];

    public void SetRoles(IEnumerable<Role> roles) =>
        RoleList = string.Join(',', roles.Distinct().Order().Select(r => r.ToString()));

    public bool HasRole(Role role) => Roles.Contains(role);

    [Sensitive]
    public override string? PasswordHash { get => base.PasswordHash; set => base.PasswordHash = value; }

    [Sensitive]
    public override string? SecurityStamp { get => base.SecurityStamp; set => base.SecurityStamp = value; }

    [Sensitive]
    public override string? PhoneNumber { get => base.PhoneNumber; set => base.PhoneNumber = value; }
}
