using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.GetOrgUnit;

/// <summary>One unit and its direct children; anything outside the caller's subtree is not found.</summary>
public sealed class GetOrgUnitHandler(AppDbContext db)
{
    public async Task<Result<OrgUnitDto>> HandleAsync(long id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return unit is null ? Error.NotFound("org.not_found") : OrgUnitDto.From(unit);
    }

    /// <summary>The direct children, units with a division code first in code order, then practice points by name.</summary>
    public async Task<Result<PageOf<OrgUnitDto>>> ChildrenAsync(long id, PageRequest paging, CancellationToken ct)
    {
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == id, ct))
        {
            return Error.NotFound("org.not_found");
        }

        var page = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == id)
            .OrderBy(u => u.DivisionCode == null).ThenBy(u => u.DivisionCode).ThenBy(u => u.Name)
            .ToPageAsync(paging, ct);
        return new PageOf<OrgUnitDto>(page.Items.Select(OrgUnitDto.From).ToList(), page.Page, page.PageSize, page.Total);
    }

    /// <summary>The chain from the caller's visible top down to the unit (for breadcrumbs).</summary>
    public async Task<IReadOnlyList<OrgUnitDto>> AncestorsAsync(OrgUnitDto unit, CancellationToken ct)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var chain = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return chain.OrderBy(u => u.Path.Length).Select(OrgUnitDto.From).ToList();
    }
}
