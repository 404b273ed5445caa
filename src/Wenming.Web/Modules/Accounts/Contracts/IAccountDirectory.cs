using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Contracts;

/// <summary>Which accounts stand behind a person or a unit, for modules that address people (notifications).</summary>
public interface IAccountDirectory
{
    /// <summary>Active accounts linked to the person, regardless of the caller's scope.</summary>
    Task<IReadOnlyList<long>> ActiveUserIdsOfPersonAsync(long personId, CancellationToken ct);

    /// <summary>Active admin accounts bound to the unit itself, regardless of the caller's scope.</summary>
    Task<IReadOnlyList<long>> ActiveAdminUserIdsOfUnitAsync(long orgUnitId, CancellationToken ct);

    /// <summary>Active accounts in the caller's scope that hold any of <paramref name="roles"/> (包镇联村's leaders), by login.</summary>
    Task<IReadOnlyList<AccountCard>> ActiveWithRolesAsync(IReadOnlyCollection<Role> roles, CancellationToken ct);

    /// <summary>How many accounts the caller sees (the welcome page's "in my scope" count); scoped, unlike the lookups above.</summary>
    Task<int> VisibleCountAsync(CancellationToken ct);
}

/// <summary>What another module may know of an account: who it is and where it is bound.</summary>
public sealed record AccountCard(long Id, string Login, string DisplayName, long OrgUnitId, long? CountyId, IReadOnlyList<Role> Roles);

/// <remarks>
/// Unscoped on purpose: a village admin's action may have to reach the township's admins (escalation),
/// who are outside the village's subtree. Only ids leave this class, never account data.
/// </remarks>
internal sealed class AccountDirectory(AppDbContext db) : IAccountDirectory
{
    private static readonly string[] AdminRoles = [Roles.SystemAdmin, Roles.CenterAdmin, Roles.InstituteAdmin, Roles.StationAdmin];

    public async Task<IReadOnlyList<long>> ActiveUserIdsOfPersonAsync(long personId, CancellationToken ct) =>
        await db.Set<AppUser>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(u => u.PersonId == personId && u.IsActive)
            .Select(u => u.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<long>> ActiveAdminUserIdsOfUnitAsync(long orgUnitId, CancellationToken ct)
    {
        var accounts = await db.Set<AppUser>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(u => u.OrgUnitId == orgUnitId && u.IsActive)
            .Select(u => new { u.Id, u.RoleList }).ToListAsync(ct);
        // The role list is one comma-separated column; a unit has a handful of accounts, so split here.
        return [.. accounts.Where(a => a.RoleList.Split(',').Intersect(AdminRoles).Any()).Select(a => a.Id)];
    }

    public async Task<IReadOnlyList<AccountCard>> ActiveWithRolesAsync(IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        // Scoped: the caller sees only the accounts of its subtree. The role list is one column, split here (a county has a few dozen admins).
        var accounts = await db.Set<AppUser>().AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrgUnitId, u.CountyId, u.RoleList }).OrderBy(u => u.UserName).ToListAsync(ct);
        return [.. accounts
            .Select(u => new AccountCard(u.Id, u.UserName ?? "", u.DisplayName, u.OrgUnitId, u.CountyId, [.. u.RoleList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>)]))
            .Where(a => a.Roles.Intersect(roles).Any())];
    }

    public Task<int> VisibleCountAsync(CancellationToken ct) => db.Set<AppUser>().CountAsync(ct);
}
