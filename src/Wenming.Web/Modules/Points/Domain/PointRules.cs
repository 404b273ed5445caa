using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Domain;

/// <summary>The rules that apply to one unit, after the county's settings and the unit's overrides.</summary>
/// <param name="StarThresholds">Earned points for ★ … ★★★★★, ascending.</param>
public sealed record EffectivePointRules(
    long PerServiceHour,
    long PerActivityAttended,
    long PerCompletedOrder,
    int OrganizerBonusPercent,
    long AwardMaxPoints,
    int NoticeDays,
    IReadOnlyList<long> StarThresholds)
{
    /// <summary>RULES.md's defaults.</summary>
    public static readonly EffectivePointRules Defaults = new(10, 2, 5, 20, 50, 3, [100, 500, 1500, 3000, 5000]);

    /// <summary>Credit stars (信用星级) for cumulative earned points: how many thresholds are reached.</summary>
    public int StarsFor(long earned) => StarThresholds.Count(t => earned >= t);
}

/// <summary>
/// Point rules set for one unit (pts_rules). On a county row every field may be set, and
/// <see cref="UnitsMayOverride"/> says whether the units below may set the earning amounts for
/// themselves. On any other unit's row only the earning amounts count (award limits, the notice period
/// and star thresholds are the county's). A null field inherits from the nearest ancestor that sets it.
/// </summary>
public sealed class PointRuleSet : IOrgScoped, ICountyScoped
{
    private PointRuleSet()
    {
    }

    public long Id { get; private set; }

    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    public long? PerServiceHour { get; private set; }

    public long? PerActivityAttended { get; private set; }

    public long? PerCompletedOrder { get; private set; }

    public int? OrganizerBonusPercent { get; private set; }

    public long? AwardMaxPoints { get; private set; }

    public int? NoticeDays { get; private set; }

    /// <summary>Five comma-separated ascending thresholds, or null for the default.</summary>
    public string? StarThresholds { get; private set; }

    public bool UnitsMayOverride { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public long? UpdatedByUserId { get; private set; }

    public static PointRuleSet For(long orgUnitId, long countyId) => new() { OrgUnitId = orgUnitId, CountyId = countyId };

    public void SetEarning(long? perServiceHour, long? perActivityAttended, long? perCompletedOrder, int? organizerBonusPercent)
    {
        PerServiceHour = perServiceHour;
        PerActivityAttended = perActivityAttended;
        PerCompletedOrder = perCompletedOrder;
        OrganizerBonusPercent = organizerBonusPercent;
    }

    public void SetCountyOnly(long? awardMaxPoints, int? noticeDays, IReadOnlyList<long>? starThresholds, bool unitsMayOverride)
    {
        AwardMaxPoints = awardMaxPoints;
        NoticeDays = noticeDays;
        StarThresholds = starThresholds is null ? null : string.Join(',', starThresholds);
        UnitsMayOverride = unitsMayOverride;
    }

    public void Touch(long? byUserId, DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        UpdatedByUserId = byUserId;
    }

    public IReadOnlyList<long>? Thresholds() =>
        StarThresholds?.Split(',').Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// Folds the rows set on a unit's ancestors (county first, the unit itself last) over the defaults.
    /// </summary>
    public static EffectivePointRules Resolve(PointRuleSet? county, IEnumerable<PointRuleSet> belowCountyTopDown)
    {
        var d = EffectivePointRules.Defaults;
        var rules = county is null
            ? d
            : new EffectivePointRules(
                county.PerServiceHour ?? d.PerServiceHour,
                county.PerActivityAttended ?? d.PerActivityAttended,
                county.PerCompletedOrder ?? d.PerCompletedOrder,
                county.OrganizerBonusPercent ?? d.OrganizerBonusPercent,
                county.AwardMaxPoints ?? d.AwardMaxPoints,
                county.NoticeDays ?? d.NoticeDays,
                county.Thresholds() ?? d.StarThresholds);
        if (county is not { UnitsMayOverride: true })
        {
            return rules;
        }

        foreach (var unit in belowCountyTopDown)
        {
            rules = rules with
            {
                PerServiceHour = unit.PerServiceHour ?? rules.PerServiceHour,
                PerActivityAttended = unit.PerActivityAttended ?? rules.PerActivityAttended,
                PerCompletedOrder = unit.PerCompletedOrder ?? rules.PerCompletedOrder,
                OrganizerBonusPercent = unit.OrganizerBonusPercent ?? rules.OrganizerBonusPercent,
            };
        }

        return rules;
    }
}
