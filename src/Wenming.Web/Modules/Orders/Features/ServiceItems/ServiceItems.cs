using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.ServiceItems;

public sealed record ServiceItemDto(long Id, long OrgUnitId, string Name, TeamCategory Category, string CategoryLabel, string? Description, IReadOnlyList<long> TeamIds, bool Active)
{
    public static ServiceItemDto From(ServiceItem i) =>
        new(i.Id, i.OrgUnitId, i.Name, i.Category, TeamCategories.Label(i.Category), i.Description, i.TeamIds, i.Active);
}

public sealed record CreateServiceItemRequest(long? OrgUnitId, string? Name, TeamCategory? Category, IReadOnlyList<long>? TeamIds, string? Description = null);

public sealed record ListServiceItemsRequest
{
    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// The service catalog (服务项目清单). Admins keep the catalog of each unit of their subtree, with the
/// teams (of that unit or below) that provide each item. Anyone signed in with a home unit sees what
/// they may order: the items of their own unit and the units above it, nearest first (a deliberate
/// widening of the subtree scope, like nearby activities).
/// </summary>
public sealed class ServiceItemsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IVolunteerDirectory volunteers, TimeProvider clock)
{
    public async Task<Result<ServiceItemDto>> CreateAsync(CreateServiceItemRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Orders.field.orgUnitId");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            fields.AddRequired("name", "Orders.field.itemName");
        }
        else if (request.Name.Trim().Length > 100)
        {
            fields.AddTooLong("name", "Orders.field.itemName", 100);
        }

        if (request.Category is not { } category || !Enum.IsDefined(category))
        {
            fields.AddRequired("category", "Orders.field.category");
        }

        if (request.Description is { } description && description.Trim().Length > 500)
        {
            fields.AddTooLong("description", "Orders.field.itemDescription", 500);
        }

        if (request.TeamIds is { Count: > 20 })
        {
            fields.Add("teamIds", "Orders.error.too_many_teams", 20);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { } unit)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("orgUnitId", "order.unit_not_allowed", "Orders.error.unit_not_allowed");
        }

        foreach (var teamId in request.TeamIds ?? [])
        {
            var team = await volunteers.FindTeamAsync(teamId, ct);
            var teamUnit = team is null ? null : await orgs.FindAsync(team.OrgUnitId, ct);
            if (teamUnit is null || !teamUnit.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            {
                return FieldErrors.One("teamIds", "order.team_not_allowed", "Orders.error.team_not_allowed");
            }
        }

        var item = ServiceItem.Create(countyId, unit.Id, request.Name!, request.Category!.Value, request.Description, request.TeamIds ?? [], clock.GetUtcNow().UtcDateTime);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return ServiceItemDto.From(item);
    }

    public async Task<Result<PageOf<ServiceItemDto>>> ListAsync(ListServiceItemsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (actor.IsAdmin || actor.Has(Platform.Scope.Role.Supervisor))
        {
            var query = db.Set<ServiceItem>().AsNoTracking().Where(i => i.Active);
            if (request.OrgUnitId is { } unitId)
            {
                if (await orgs.FindAsync(unitId, ct) is null)
                {
                    return Error.NotFound("org.not_found");
                }

                query = query.Where(i => i.OrgUnitId == unitId);
            }

            var page = await query.OrderBy(i => i.OrgUnitId).ThenBy(i => i.Id).ToPageAsync(paging, ct);
            return new PageOf<ServiceItemDto>([.. page.Items.Select(ServiceItemDto.From)], page.Page, page.PageSize, page.Total);
        }

        var path = await OrderableUnitsAsync(ct);
        if (request.OrgUnitId is { } wanted && !path.Contains(wanted))
        {
            return Error.NotFound("org.not_found");
        }

        List<long> units = request.OrgUnitId is { } only ? [only] : path;
        var items = await db.Set<ServiceItem>().Unscoped(because: Why.UnitAbove).AsNoTracking().Where(i => i.Active && units.Contains(i.OrgUnitId)).ToListAsync(ct);
        var sorted = items.OrderBy(i => units.IndexOf(i.OrgUnitId)).ThenBy(i => i.Id).ToList();
        return new PageOf<ServiceItemDto>(
            [.. sorted.Skip(paging.Skip).Take(paging.SafePageSize).Select(ServiceItemDto.From)], paging.SafePage, paging.SafePageSize, sorted.Count);
    }

    /// <summary>The caller's own unit and those above it up to the county, nearest first.</summary>
    public async Task<List<long>> OrderableUnitsAsync(CancellationToken ct)
    {
        if (actor.OrgUnitId is not { } unitId || await orgs.FindUnscopedAsync(unitId, ct) is not { } unit)
        {
            return [];
        }

        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Reverse().ToList();
        // Stop at the county: the city's guidance center keeps no catalog for residents.
        return unit.CountyId is { } county && ids.IndexOf(county) is var at and >= 0 ? ids[..(at + 1)] : ids;
    }
}
