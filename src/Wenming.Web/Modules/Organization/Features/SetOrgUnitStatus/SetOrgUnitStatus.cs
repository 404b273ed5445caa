using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Features.SetOrgUnitStatus;

/// <summary>Deactivates a unit that no longer operates (its history stays), or brings it back.</summary>
public sealed class SetOrgUnitStatusHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<OrgUnitDto>> DeactivateAsync(long id, CancellationToken ct)
    {
        var (unit, error) = await LoadAsync(id, ct);
        if (unit is null)
        {
            return error!;
        }

        var hasActiveChildren = await db.OrgUnits.Unscoped(because: Why.CrossUnitReference).AnyAsync(u => u.ParentId == id && u.Status == OrgUnitStatus.Active, ct);
        if (unit.Deactivate(hasActiveChildren) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return OrgUnitDto.From(unit);
    }

    public async Task<Result<OrgUnitDto>> ActivateAsync(long id, CancellationToken ct)
    {
        var (unit, error) = await LoadAsync(id, ct);
        if (unit is null)
        {
            return error!;
        }

        if (unit.ParentId is { } parentId && await db.OrgUnits.Unscoped(because: Why.CrossUnitReference).AnyAsync(u => u.Id == parentId && u.Status == OrgUnitStatus.Inactive, ct))
        {
            return Error.Conflict("org.parent_inactive");
        }

        unit.Activate();
        await db.SaveChangesAsync(ct);
        return OrgUnitDto.From(unit);
    }

    private async Task<(Domain.OrgUnit? Unit, Error? Error)> LoadAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return (null, forbidden);
        }

        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return (null, Error.NotFound("org.not_found"));
        }

        return unit.Id == actor.OrgUnitId ? (null, Error.Conflict("org.own_unit")) : (unit, null);
    }
}
