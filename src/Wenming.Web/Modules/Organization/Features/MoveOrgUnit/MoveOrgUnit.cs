using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Features.MoveOrgUnit;

public sealed record MoveOrgUnitRequest(long? ParentId, string? DivisionCode);

/// <summary>
/// Moves a unit (and its subtree) under another parent of the right level in the same county.
/// A unit's code must extend its parent's, so a move usually comes with a new code.
/// </summary>
public sealed class MoveOrgUnitHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<OrgUnitDto>> HandleAsync(long id, MoveOrgUnitRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.Id == actor.OrgUnitId)
        {
            return Error.Conflict("org.own_unit");
        }

        if (request.ParentId is not { } parentId)
        {
            return Error.Field("parentId", "validation.required", Platform.Localization.Text.Get("field.parentId"));
        }

        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == parentId, ct);
        if (parent is null)
        {
            return Error.NotFound("org.parent_not_found");
        }

        var newCode = string.IsNullOrWhiteSpace(request.DivisionCode) ? null : request.DivisionCode.Trim();
        if (newCode is not null && newCode != unit.DivisionCode && await db.OrgUnits.Unscoped(because: Why.Uniqueness).AnyAsync(u => u.DivisionCode == newCode, ct))
        {
            return Error.Conflict("org.division_code_taken");
        }

        var oldPath = unit.Path;
        if (unit.MoveTo(parent, newCode) is { } refused)
        {
            return refused;
        }

        var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
        foreach (var d in descendants)
        {
            d.RebaseDescendant(oldPath, unit.Path);
        }

        await db.SaveChangesAsync(ct);
        return OrgUnitDto.From(unit);
    }
}
