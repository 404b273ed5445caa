using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;

public sealed record SearchVolunteersRequest
{
    public VolunteerStatus? Status { get; set; }

    public long? OrgUnitId { get; set; }

    public string? Q { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>Volunteers of the caller's subtree, by status, unit (and below) and name or volunteer number.</summary>
public sealed class SearchVolunteersHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleDirectory people)
{
    public async Task<Result<PageOf<VolunteerDto>>> HandleAsync(SearchVolunteersRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var (query, error) = await FilterAsync(request, ct);
        if (error is not null)
        {
            return error;
        }

        var page = await query!.OrderByDescending(v => v.Id).ToPageAsync(paging, ct);
        var names = await people.NamesAsync(page.Items.Select(v => v.PersonId).ToList(), ct);
        return new PageOf<VolunteerDto>(
            page.Items.Select(v => VolunteerDto.From(v, names.GetValueOrDefault(v.PersonId))).ToList(), page.Page, page.PageSize, page.Total);
    }

    /// <summary>The list's filters as a query (the export uses the same ones): status, unit subtree, name or number.</summary>
    internal async Task<(IQueryable<Volunteer>? Query, Error? Error)> FilterAsync(SearchVolunteersRequest request, CancellationToken ct)
    {
        var query = db.Set<Volunteer>().AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }

        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(v => unitIds.Contains(v.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            var named = people.IdsNamed(q);
            query = query.Where(v => v.VolunteerNumber == q || named.Contains(v.PersonId));
        }

        return (query, null);
    }
}
