using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Accounts.Domain;

namespace Wenming.Web.Modules.Accounts.Features;

public sealed record AccountDto(
    long Id, string Login, string DisplayName, IReadOnlyList<Role> Roles, long OrgUnitId, long? PersonId, string? Phone, bool IsActive, bool IsLockedOut)
{
    public static AccountDto From(AppUser u, DateTimeOffset now) => new(
        u.Id, u.UserName ?? "", u.DisplayName, u.Roles, u.OrgUnitId, u.PersonId, u.PhoneNumber, u.IsActive, u.LockoutEnd is { } end && end > now);
}
