using System.Linq.Expressions;
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
        private static readonly NamesById Names = new((db, ids) => db.Set<OrgUnit>().Where(u => ids.Contains(u.Id)).Select(u => new KeyValuePair<long, string>(u.Id, u.Name)));

        /// <summary>A unit by id, in scope or not: read by many requests (a redemption, a dispatch, a sign-up), so compiled (ADR 0081).</summary>
        private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<OrgUnitInfo?>>> ById = new(_ =>
            EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<OrgUnit>().Where(u => u.Id == id)
                .Select(u => new OrgUnitInfo(u.Id, u.ParentId, u.Level, u.Name, u.DivisionCode, u.Path, u.CountyId, u.Status)).SingleOrDefault()));

        private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<OrgUnitInfo?>>> ByIdUnscoped = new(_ =>
            EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<OrgUnit>().Unscoped(Why.CrossUnitReference).Where(u => u.Id == id)
                .Select(u => new OrgUnitInfo(u.Id, u.ParentId, u.Level, u.Name, u.DivisionCode, u.Path, u.CountyId, u.Status)).SingleOrDefault()));

        public Task<OrgUnitInfo?> FindAsync(long id, CancellationToken ct = default) => ById.For(db)(db, id, ct);

        public async Task<IQueryable<long>?> UnitIdsUnderAsync(long unitId, CancellationToken ct = default)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            return path is null ? null : UnitIdsUnder(path);
        }

        public IQueryable<long> UnitIdsUnder(OrgUnitInfo unit) => UnitIdsUnder(unit.Path);

        /// <summary>
        /// An ordinal range of paths, not a LIKE: both databases then walk the path index (ADR 0032). CA1309: EF Core
        /// translates string.Compare to the database's ordinal &gt;= and &lt; (as in the scope filters); it never runs in .NET.
        /// </summary>
#pragma warning disable CA1309
        private IQueryable<long> UnitIdsUnder(string path)
        {
            var end = AppDbContext.PathRangeEnd(path);
            return db.OrgUnits.Where(u => string.Compare(u.Path, path) >= 0 && string.Compare(u.Path, end) < 0).Select(u => u.Id);
        }
#pragma warning restore CA1309

        /// <summary>Only the columns <see cref="OrgUnitInfo"/> holds: the statistics read the whole tree per request.</summary>
        public async Task<IReadOnlyList<OrgUnitInfo>> VisibleUnitsAsync(CancellationToken ct = default) =>
            await db.OrgUnits.AsNoTracking().OrderBy(u => u.Path).Select(Info).ToListAsync(ct);

        public async Task<IReadOnlyList<OrgUnitInfo>> CountiesAsync(CancellationToken ct = default) =>
            await db.OrgUnits.AsNoTracking().Where(u => u.Level == OrgLevel.County && u.Status == OrgUnitStatus.Active).OrderBy(u => u.Path).Select(Info).ToListAsync(ct);

        private static readonly Expression<Func<OrgUnit, OrgUnitInfo>> Info =
            u => new OrgUnitInfo(u.Id, u.ParentId, u.Level, u.Name, u.DivisionCode, u.Path, u.CountyId, u.Status);

        public Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
            Names.ReadAsync(db, ids, ct);

        public async Task<IReadOnlyDictionary<long, OrgUnitLocation>> LocationsAsync(CancellationToken ct = default) =>
            await db.OrgUnits.AsNoTracking().Where(u => u.Latitude != null && u.Longitude != null)
                .ToDictionaryAsync(u => u.Id, u => new OrgUnitLocation(u.Latitude!.Value, u.Longitude!.Value), ct);

        public Task<int> VisibleCountAsync(CancellationToken ct = default) => db.OrgUnits.CountAsync(ct);

        public Task<OrgUnitInfo?> FindUnscopedAsync(long id, CancellationToken ct = default) => ByIdUnscoped.For(db)(db, id, ct);

        public async Task<(string? Name, string? Phone)> ContactUnscopedAsync(long id, CancellationToken ct = default) =>
            await db.OrgUnits.Unscoped(because: Why.CrossUnitReference).Where(u => u.Id == id).Select(u => new ValueTuple<string?, string?>(u.ContactName, u.ContactPhone)).SingleOrDefaultAsync(ct);
    }
}
