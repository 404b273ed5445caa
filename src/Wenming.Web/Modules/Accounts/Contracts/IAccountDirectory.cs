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

    /// <summary>How many accounts the caller sees (the welcome page's "in my scope" count); scoped, unlike the lookups above.</summary>
    Task<int> VisibleCountAsync(CancellationToken ct);
}

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

    public Task<int> VisibleCountAsync(CancellationToken ct) => db.Set<AppUser>().CountAsync(ct);
}
