using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.ListOrgUnits;

public sealed record ListOrgUnitsRequest
{
    public string? Q { get; set; }

    public OrgLevel? Level { get; set; }

    public long? UnderId { get; set; }

    public OrgUnitStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>Search the visible part of the tree by name or division code.</summary>
public sealed class ListOrgUnitsHandler(AppDbContext db)
{
    public async Task<Result<PageOf<OrgUnitDto>>> HandleAsync(ListOrgUnitsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var query = db.OrgUnits.AsNoTracking();
        if (request.UnderId is { } underId)
        {
            var under = await db.OrgUnits.Where(u => u.Id == underId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            if (under is null)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(u => u.Path.StartsWith(under));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            var like = QueryExtensions.LikeContains(q);
            query = query.Where(u => EF.Functions.Like(u.Name, like, "\\") || u.DivisionCode == q);
        }

        if (request.Level is { } level)
        {
            query = query.Where(u => u.Level == level);
        }

        if (request.Status is { } status)
        {
            query = query.Where(u => u.Status == status);
        }

        var page = await query.OrderBy(u => u.Path).Select(u => u).ToPageAsync(paging, ct);
        return new PageOf<OrgUnitDto>(page.Items.Select(OrgUnitDto.From).ToList(), page.Page, page.PageSize, page.Total);
    }
}
