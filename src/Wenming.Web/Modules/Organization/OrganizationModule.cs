using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Domain;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Modules.Organization.Features.ListOrgUnits;
using Wenming.Web.Modules.Organization.Features.MoveOrgUnit;
using Wenming.Web.Modules.Organization.Features.SetOrgUnitStatus;
using Wenming.Web.Modules.Organization.Features.UpdateOrgUnit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization;

/// <summary>The org tree: 中心 / 所 / 站 / 点 (DESIGN §3).</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<IOrgDirectory, OrgDirectory>();
        services.AddScoped<CreateOrgUnitHandler>();
        services.AddScoped<GetOrgUnitHandler>();
        services.AddScoped<ListOrgUnitsHandler>();
        services.AddScoped<UpdateOrgUnitHandler>();
        services.AddScoped<MoveOrgUnitHandler>();
        services.AddScoped<SetOrgUnitStatusHandler>();
        return services;
    }

    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/org-units").WithTags("org-units");

        group.MapGet("/", ListOrgUnitsEndpoints.ListOrgUnits)
            .WithSummary("搜索可见范围内的组织（名称或区划代码）");

        group.MapGet("/{id:long}", GetOrgUnitEndpoints.GetOrgUnit)
            .WithSummary("查看组织");

        group.MapGet("/{id:long}/children", GetOrgUnitEndpoints.Children)
            .WithSummary("下级组织");

        group.MapPost("/", CreateOrgUnitEndpoints.CreateOrgUnit)
            .WithSummary("新增组织");

        group.MapPut("/{id:long}", UpdateOrgUnitEndpoints.UpdateOrgUnit)
            .WithSummary("修改组织名称、地址、位置、联系人");

        group.MapPost("/{id:long}/move", MoveOrgUnitEndpoints.MoveOrgUnit)
            .WithSummary("调整上级组织");

        group.MapPost("/{id:long}/deactivate", SetOrgUnitStatusEndpoints.Deactivate)
            .WithSummary("停用组织");

        group.MapPost("/{id:long}/activate", SetOrgUnitStatusEndpoints.Activate)
            .WithSummary("启用组织");

        return api;
    }

    private sealed class OrgDirectory(AppDbContext db) : IOrgDirectory
    {
        public async Task<OrgUnitInfo?> FindAsync(long id, CancellationToken ct = default) =>
            ToInfo(await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct));

        public async Task<IQueryable<long>?> UnitIdsUnderAsync(long unitId, CancellationToken ct = default)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            return path is null ? null : db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        }

        public async Task<IReadOnlyList<OrgUnitInfo>> VisibleUnitsAsync(CancellationToken ct = default) =>
            (await db.OrgUnits.AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct)).Select(u => ToInfo(u)!).ToList();

        public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
            await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        public async Task<IReadOnlyDictionary<long, OrgUnitLocation>> LocationsAsync(CancellationToken ct = default) =>
            await db.OrgUnits.AsNoTracking().Where(u => u.Latitude != null && u.Longitude != null)
                .ToDictionaryAsync(u => u.Id, u => new OrgUnitLocation(u.Latitude!.Value, u.Longitude!.Value), ct);

        public Task<int> VisibleCountAsync(CancellationToken ct = default) => db.OrgUnits.CountAsync(ct);

        public async Task<OrgUnitInfo?> FindUnscopedAsync(long id, CancellationToken ct = default) =>
            ToInfo(await db.OrgUnits.Unscoped(because: Why.CrossUnitReference).AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct));

        public async Task<(string? Name, string? Phone)> ContactUnscopedAsync(long id, CancellationToken ct = default) =>
            await db.OrgUnits.Unscoped(because: Why.CrossUnitReference).Where(u => u.Id == id).Select(u => new ValueTuple<string?, string?>(u.ContactName, u.ContactPhone)).SingleOrDefaultAsync(ct);

        private static OrgUnitInfo? ToInfo(OrgUnit? u) =>
            u is null ? null : new OrgUnitInfo(u.Id, u.ParentId, u.Level, u.Name, u.DivisionCode, u.Path, u.CountyId, u.Status);
    }
}
