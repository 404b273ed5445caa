using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.SearchTeams;

public sealed record SearchTeamsRequest
{
    public long? OrgUnitId { get; set; }

    public TeamCategory? Category { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>Teams of the caller's subtree, optionally under one unit and of one category.</summary>
public sealed class SearchTeamsHandler(AppDbContext db, IOrgDirectory orgs)
{
    public async Task<Result<PageOf<TeamDto>>> HandleAsync(SearchTeamsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var query = db.Set<Team>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(t => unitIds.Contains(t.OrgUnitId));
        }

        if (request.Category is { } category)
        {
            query = query.Where(t => t.Category == category);
        }

        var page = await query.OrderBy(t => t.Id).ToPageAsync(paging, ct);
        var ids = page.Items.Select(t => t.Id).ToList();
        var counts = await db.Set<TeamMember>().Where(m => ids.Contains(m.TeamId)).GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new PageOf<TeamDto>(page.Items.Select(t => TeamDto.From(t, counts.GetValueOrDefault(t.Id))).ToList(), page.Page, page.PageSize, page.Total);
    }
}
