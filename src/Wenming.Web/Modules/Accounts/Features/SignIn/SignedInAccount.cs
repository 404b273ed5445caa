using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>What one request reads of its account and the bound unit: all the resolver checks and all /me shows.</summary>
public sealed record ActorRow(
    long Id,
    string? UserName,
    string DisplayName,
    string RoleList,
    bool IsActive,
    string? SecurityStamp,
    long OrgUnitId,
    long? CountyId,
    long? PersonId,
    string UnitPath,
    string UnitName);

/// <summary>
/// The account as <see cref="ActorResolver"/> read it for this request, so that /me and the 我的 page show it
/// without reading it again. Empty when the request is anonymous.
/// </summary>
public sealed class SignedInAccount
{
    public ActorRow? Row { get; private set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    internal void Set(ActorRow row, IReadOnlyList<Role> roles)
    {
        Row = row;
        Roles = roles;
    }
}
