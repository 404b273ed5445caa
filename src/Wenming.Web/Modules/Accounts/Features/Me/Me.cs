using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.Me;

public sealed record MeDto(long UserId, string Login, string DisplayName, IReadOnlyList<Role> Roles, long OrgUnitId, long? PersonId, string? OrgUnitName, string? OrgUnitPath);

/// <summary>
/// Who am I: the signed-in account, its roles and the unit it is bound to — as the actor resolver read them for
/// this request (<see cref="SignedInAccount"/>), so answering costs no statement of its own.
/// </summary>
public sealed class MeHandler(CurrentActor actor, SignedInAccount account)
{
    public MeDto? Handle() =>
        account.Row is { } row && actor.UserId == row.Id
            ? new MeDto(row.Id, row.UserName ?? "", row.DisplayName, actor.Roles, row.OrgUnitId, row.PersonId, row.UnitName, row.UnitPath)
            : null;
}
