using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features;

/// <summary>An account as admins see it. <c>IsLockedOut</c>: some client address currently has to wait before it may try this account again (ADR 0019); 解除锁定 ends every wait.</summary>
public sealed record AccountDto(
    long Id, string Login, string DisplayName, IReadOnlyList<Role> Roles, long OrgUnitId, long? PersonId, string? Phone, bool IsActive, bool IsLockedOut)
{
    public static AccountDto From(AppUser u, DateTimeOffset now, bool waiting = false) => new(
        u.Id, u.UserName ?? "", u.DisplayName, u.Roles, u.OrgUnitId, u.PersonId, u.PhoneNumber, u.IsActive, waiting || (u.LockoutEnd is { } end && end > now));
}
