using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Points.Features.Rules;

/// <summary>Which point rules apply to a unit, whatever the caller's scope (earning runs as the system).</summary>
public sealed class PointRulesReader(AppDbContext db, IOrgDirectory orgs)
{
    public async Task<EffectivePointRules> ForUnitAsync(long orgUnitId, CancellationToken ct)
    {
        var unit = await orgs.FindUnscopedAsync(orgUnitId, ct);
        if (unit?.CountyId is not { } countyId)
        {
            return EffectivePointRules.Defaults;
        }

        var rows = await db.Set<PointRuleSet>().Unscoped(because: Why.UnitAbove).AsNoTracking().Where(r => r.CountyId == countyId).ToListAsync(ct);
        return Resolve(unit, countyId, rows);
    }

    /// <summary>The rules of the county itself (limits, notice period, star thresholds).</summary>
    public Task<EffectivePointRules> ForCountyAsync(long countyId, CancellationToken ct) => ForUnitAsync(countyId, ct);

    /// <summary>The unit's ancestors are the ids in its materialized path ("/1/5/12/"), root first.</summary>
    internal static EffectivePointRules Resolve(OrgUnitInfo unit, long countyId, IReadOnlyList<PointRuleSet> countyRows)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var countyIndex = ids.IndexOf(countyId);
        var below = ids.Skip(countyIndex + 1).Select(id => countyRows.FirstOrDefault(r => r.OrgUnitId == id)).OfType<PointRuleSet>();
        return PointRuleSet.Resolve(countyRows.FirstOrDefault(r => r.OrgUnitId == countyId), below);
    }
}
