using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Rules;

/// <summary>Where a unit's value comes from: the county (or RULES.md's default), the unit's own override, or an override of a unit above it.</summary>
public enum PointRuleSource
{
    County = 1,
    Own = 2,
    Parent = 3,
}

public sealed record PointRuleValue(long Value, PointRuleSource Source);

/// <param name="HasOwn">The unit has an override row (it counts only while the county allows overrides).</param>
public sealed record UnitPointRulesDto(
    long OrgUnitId, long? ParentId, string Name, OrgLevel Level, PointRuleValue PerServiceHour, PointRuleValue PerActivityAttended,
    PointRuleValue PerCompletedOrder, PointRuleValue OrganizerBonusPercent, bool HasOwn);

/// <summary>The county's settings (defaults where it sets nothing) and what applies in each of its townships and villages.</summary>
public sealed record PointRulesDto(
    long CountyId, string CountyName, long PerServiceHour, long PerActivityAttended, long PerCompletedOrder, int OrganizerBonusPercent, long AwardMaxPoints,
    int NoticeDays, IReadOnlyList<long> StarThresholds, bool UnitsMayOverride, bool IsDefault, IReadOnlyList<UnitPointRulesDto> Units);

public sealed record SetPointRulesRequest(
    long? PerServiceHour, long? PerActivityAttended, long? PerCompletedOrder, int? OrganizerBonusPercent, long? AwardMaxPoints, int? NoticeDays,
    IReadOnlyList<long>? StarThresholds, bool? UnitsMayOverride);

/// <summary>A unit's own earning amounts; a null field keeps the county's (or a higher unit's) value.</summary>
public sealed record SetUnitPointRulesRequest(long? PerServiceHour, long? PerActivityAttended, long? PerCompletedOrder, int? OrganizerBonusPercent);

/// <summary>
/// Setting the point rules (RULES.md "Points"). The county's center admins (and the system admin) set
/// everything for their county, including whether units may override the four earning amounts. When they
/// may, an admin of a unit above a township or village sets that unit's amounts (a station does not set its
/// own: points buy goods, so the people who earn them do not price them). Reading is open to the county's
/// admins and supervisors, township and village admins included (they need to know what applies to them),
/// and the units table shows the units the caller can see.
/// </summary>
public sealed class PointRulesAdminHandler(AppDbContext db, CurrentActor actor, OrgScope scope, IOrgDirectory orgs, TimeProvider clock)
{
    public const int MaxEarning = 1000;
    public const int MaxPercent = 100;
    public const int MaxAward = 1000;
    public const int MaxNoticeDays = 30;
    public const int MaxThreshold = 10_000_000;
    public const int StarCount = 5;

    public async Task<Result<PointRulesDto>> GetAsync(long countyId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var county = await orgs.FindAsync(countyId, ct);
        if (county is null && actor.CountyId == countyId)
        {
            // A township or station admin does not see the county unit itself, but its rules are theirs too.
            using (scope.Unscoped(because: Why.UnitAbove))
            {
                county = await orgs.FindAsync(countyId, ct);
            }
        }

        if (county is not { Level: OrgLevel.County })
        {
            return Error.NotFound("org.not_found");
        }

        var rows = await db.Set<PointRuleSet>().Unscoped(because: Why.UnitAbove).AsNoTracking().Where(r => r.CountyId == countyId).ToListAsync(ct);
        var countyRow = rows.FirstOrDefault(r => r.OrgUnitId == countyId);
        var rules = PointRuleSet.Resolve(countyRow, []);
        var mayOverride = countyRow is { UnitsMayOverride: true };
        var units = (await orgs.VisibleUnitsAsync(ct))
            .Where(u => u.CountyId == countyId && u.Level is OrgLevel.Township or OrgLevel.Village)
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => UnitRules(u, countyId, rows, rules, mayOverride))
            .ToList();
        return new PointRulesDto(
            countyId, county.Name, rules.PerServiceHour, rules.PerActivityAttended, rules.PerCompletedOrder, rules.OrganizerBonusPercent, rules.AwardMaxPoints,
            rules.NoticeDays, rules.StarThresholds, mayOverride, countyRow is null, units);
    }

    public async Task<Result<PointRulesDto>> SetAsync(long countyId, SetPointRulesRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        if (await orgs.FindAsync(countyId, ct) is not { Level: OrgLevel.County })
        {
            return Error.NotFound("org.not_found");
        }

        var fields = new FieldErrors();
        CheckEarning(fields, request.PerServiceHour, request.PerActivityAttended, request.PerCompletedOrder, request.OrganizerBonusPercent, required: true);
        Check(fields, "awardMaxPoints", request.AwardMaxPoints, 1, MaxAward, required: true);
        Check(fields, "noticeDays", request.NoticeDays, 0, MaxNoticeDays, required: true);
        if (request.StarThresholds is not { Count: StarCount } thresholds || thresholds.Any(t => t is < 1 or > MaxThreshold)
            || thresholds.Zip(thresholds.Skip(1)).Any(p => p.First >= p.Second))
        {
            fields.Add("starThresholds", "Points.error.star_thresholds", StarCount, MaxThreshold);
        }

        if (request.UnitsMayOverride is null)
        {
            fields.AddRequired("unitsMayOverride", "Points.field.unitsMayOverride");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var row = await db.Set<PointRuleSet>().SingleOrDefaultAsync(r => r.OrgUnitId == countyId, ct);
        if (row is null)
        {
            row = PointRuleSet.For(countyId, countyId);
            db.Add(row);
        }

        row.SetEarning(request.PerServiceHour, request.PerActivityAttended, request.PerCompletedOrder, request.OrganizerBonusPercent);
        row.SetCountyOnly(request.AwardMaxPoints, request.NoticeDays, request.StarThresholds, request.UnitsMayOverride!.Value);
        row.Touch(actor.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(countyId, ct);
    }

    public async Task<Result<UnitPointRulesDto>> SetUnitAsync(long unitId, SetUnitPointRulesRequest request, CancellationToken ct)
    {
        var (unit, countyRow, error) = await OverridableAsync(unitId, ct);
        if (error is not null)
        {
            return error;
        }

        if (countyRow is not { UnitsMayOverride: true })
        {
            return new Error("point_rules.overrides_not_allowed", ErrorKind.Conflict, Text.Get("Points.error.overrides_not_allowed"));
        }

        var fields = new FieldErrors();
        CheckEarning(fields, request.PerServiceHour, request.PerActivityAttended, request.PerCompletedOrder, request.OrganizerBonusPercent, required: false);
        if (fields.Count == 0 && request is { PerServiceHour: null, PerActivityAttended: null, PerCompletedOrder: null, OrganizerBonusPercent: null })
        {
            fields.Add("perServiceHour", "Points.error.override_empty");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var row = await db.Set<PointRuleSet>().SingleOrDefaultAsync(r => r.OrgUnitId == unitId, ct);
        if (row is null)
        {
            row = PointRuleSet.For(unitId, unit!.CountyId!.Value);
            db.Add(row);
        }

        row.SetEarning(request.PerServiceHour, request.PerActivityAttended, request.PerCompletedOrder, request.OrganizerBonusPercent);
        row.Touch(actor.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var rows = await db.Set<PointRuleSet>().Unscoped(because: Why.UnitAbove).AsNoTracking().Where(r => r.CountyId == unit!.CountyId).ToListAsync(ct);
        return UnitRules(unit!, unit!.CountyId!.Value, rows, PointRuleSet.Resolve(countyRow, []), true);
    }

    /// <summary>Drops a unit's override (the county's values apply again); allowed whether or not overrides are on, so a stale one can be cleaned up.</summary>
    public async Task<Result<bool>> DeleteUnitAsync(long unitId, CancellationToken ct)
    {
        var (_, _, error) = await OverridableAsync(unitId, ct);
        if (error is not null)
        {
            return error;
        }

        var row = await db.Set<PointRuleSet>().SingleOrDefaultAsync(r => r.OrgUnitId == unitId, ct);
        if (row is null)
        {
            return new Error("point_rules.no_override", ErrorKind.NotFound, Text.Get("Points.error.no_override"));
        }

        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The unit, if the caller may set its override: an admin bound strictly above it, the unit a township or village of a county.</summary>
    private async Task<(OrgUnitInfo? Unit, PointRuleSet? CountyRow, Error? Error)> OverridableAsync(long unitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return (null, null, forbidden);
        }

        if (await orgs.FindAsync(unitId, ct) is not { } unit)
        {
            return (null, null, Error.NotFound("org.not_found"));
        }

        if (unit.Level is not (OrgLevel.Township or OrgLevel.Village) || unit.CountyId is not { } countyId)
        {
            return (null, null, new Error("point_rules.not_overridable", ErrorKind.Conflict, Text.Get("Points.error.not_overridable")));
        }

        if (actor.OrgUnitId == unit.Id)
        {
            return (null, null, Error.Forbidden());
        }

        var countyRow = await db.Set<PointRuleSet>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleOrDefaultAsync(r => r.OrgUnitId == countyId, ct);
        return (unit, countyRow, null);
    }

    private static UnitPointRulesDto UnitRules(OrgUnitInfo unit, long countyId, IReadOnlyList<PointRuleSet> rows, EffectivePointRules county, bool mayOverride)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var chain = ids.Skip(ids.IndexOf(countyId) + 1).Select(id => rows.FirstOrDefault(r => r.OrgUnitId == id)).OfType<PointRuleSet>().ToList();
        var own = rows.FirstOrDefault(r => r.OrgUnitId == unit.Id);

        // The nearest override wins, as in PointRuleSet.Resolve; while overrides are off only the county counts.
        PointRuleValue Value(long countyValue, Func<PointRuleSet, long?> field)
        {
            if (!mayOverride)
            {
                return new PointRuleValue(countyValue, PointRuleSource.County);
            }

            var setter = chain.LastOrDefault(r => field(r) is not null);
            return setter is null
                ? new PointRuleValue(countyValue, PointRuleSource.County)
                : new PointRuleValue(field(setter)!.Value, setter.OrgUnitId == unit.Id ? PointRuleSource.Own : PointRuleSource.Parent);
        }

        return new UnitPointRulesDto(
            unit.Id, unit.ParentId, unit.Name, unit.Level,
            Value(county.PerServiceHour, r => r.PerServiceHour),
            Value(county.PerActivityAttended, r => r.PerActivityAttended),
            Value(county.PerCompletedOrder, r => r.PerCompletedOrder),
            Value(county.OrganizerBonusPercent, r => r.OrganizerBonusPercent),
            own is not null);
    }

    private static void CheckEarning(FieldErrors fields, long? perHour, long? perActivity, long? perOrder, int? bonusPercent, bool required)
    {
        Check(fields, "perServiceHour", perHour, 0, MaxEarning, required);
        Check(fields, "perActivityAttended", perActivity, 0, MaxEarning, required);
        Check(fields, "perCompletedOrder", perOrder, 0, MaxEarning, required);
        Check(fields, "organizerBonusPercent", bonusPercent, 0, MaxPercent, required);
    }

    private static void Check(FieldErrors fields, string field, long? value, int min, int max, bool required)
    {
        if (value is null ? required : value < min || value > max)
        {
            fields.Add(field, "Points.error.rule_range", Text.Get("Points.field." + field), min, max);
        }
    }
}
