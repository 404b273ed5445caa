using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.Me;

public sealed record MeDto(long UserId, string Login, string DisplayName, IReadOnlyList<Role> Roles, long OrgUnitId, long? PersonId, string? OrgUnitName, string? OrgUnitPath);

/// <summary>Who am I: the signed-in account, its roles and the unit it is bound to.</summary>
public sealed class MeHandler(CurrentActor actor, Platform.Data.AppDbContext db, IOrgDirectory orgs)
{
    public async Task<MeDto?> HandleAsync(CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return null;
        }

        var user = await db.Users.FindAsync([userId], ct);
        var unit = actor.OrgUnitId is { } unitId ? await orgs.FindAsync(unitId, ct) : null;
        return user is null ? null : new MeDto(userId, user.UserName ?? "", user.DisplayName, actor.Roles, user.OrgUnitId, user.PersonId, unit?.Name, unit?.Path);
    }
}
