using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Volunteers.Features.Indicators;

/// <summary>
/// The volunteers' indicators (ADR 0040): registered (approved by the end of the window, a stock), active (with
/// confirmed service in the window, counted at the volunteer's own unit), teams (a stock) and confirmed hours
/// (by service date, reversals included, so a corrected record counts once). Hours are rolled up as minutes
/// (ADR 0061): a service record counts on its unit and service date. The two stocks are rolled up as their day flows
/// (ADR 0066): an approved volunteer counts +1 on the China day of the approval (while still approved), a team +1 on
/// the day it was made; the statistics add the flows up from the beginning to the window's last day.
/// </summary>
internal sealed class VolunteerIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } =
        [new("hours", Divisor: 60), new("volunteersRegistered", Cumulative: true), new("teams", Cumulative: true)];

    public static IEnumerable<(long, DateOnly)> Touched(ServiceRecord r) => [(r.OrgUnitId, r.ServiceDate)];

    /// <summary>A registration counts on the day it was decided; a pending one on no day (nothing counts it yet).</summary>
    public static IEnumerable<(long, DateOnly)> Touched(Volunteer v) =>
        v.ReviewedAt is { } reviewed ? [(v.OrgUnitId, RollupRegistration.ChinaDay(reviewed))] : [];

    public static IEnumerable<(long, DateOnly)> Touched(Team t) => [(t.OrgUnitId, RollupRegistration.ChinaDay(t.CreatedAt))];

    public async Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key switch
        {
            "hours" => [.. (await MinutesAsync(unitIds, window, ct)).Select(m => new UnitFigure(m.Key, m.Value, 0))],
            // The flows: those approved, and the teams made, within the window.
            "volunteersRegistered" => await PerUnit(Approved(unitIds, window.FromUtc, window.UntilUtc).Select(v => v.OrgUnitId), ct),
            "teams" => await PerUnit(Teams(unitIds, window.FromUtc, window.UntilUtc).Select(t => t.OrgUnitId), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the volunteers module."),
        };

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key switch
        {
            "hours" => DayFigures.SumAsync(Confirmed(unitIds, window).Select(r => new { r.OrgUnitId, r.ServiceDate, r.Minutes }), r => new DayFigure(r.OrgUnitId, r.ServiceDate, r.Minutes), ct),
            "volunteersRegistered" => DayFigures.SumAsync(
                Approved(unitIds, window.FromUtc, window.UntilUtc).Select(v => new { v.OrgUnitId, At = v.ReviewedAt!.Value }),
                v => new DayFigure(v.OrgUnitId, RollupRegistration.ChinaDay(v.At), 1), ct),
            "teams" => DayFigures.SumAsync(
                Teams(unitIds, window.FromUtc, window.UntilUtc).Select(t => new { t.OrgUnitId, t.CreatedAt }),
                t => new DayFigure(t.OrgUnitId, RollupRegistration.ChinaDay(t.CreatedAt), 1), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the volunteers module."),
        };

    private IQueryable<ServiceRecord> Confirmed(IQueryable<long> unitIds, IndicatorWindow window) =>
        db.Set<ServiceRecord>().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && r.Status == ServiceRecordStatus.Confirmed && r.ServiceDate >= window.From && r.ServiceDate <= window.To);

    /// <summary>The volunteers approved in [from, until) and still approved; with no <paramref name="from"/>, all approved before <paramref name="until"/> (the stock).</summary>
    private IQueryable<Volunteer> Approved(IQueryable<long> unitIds, DateTime? from, DateTime until) =>
        db.Set<Volunteer>().AsNoTracking()
            .Where(v => unitIds.Contains(v.OrgUnitId) && v.Status == VolunteerStatus.Approved && v.ReviewedAt < until && (from == null || v.ReviewedAt >= from));

    /// <summary>The teams made in [from, until); with no <paramref name="from"/>, all made before <paramref name="until"/> (the stock).</summary>
    private IQueryable<Team> Teams(IQueryable<long> unitIds, DateTime? from, DateTime until) =>
        db.Set<Team>().AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId) && t.CreatedAt < until && (from == null || t.CreatedAt >= from));

    private static async Task<IReadOnlyList<UnitFigure>> PerUnit(IQueryable<long> units, CancellationToken ct) =>
        await units.GroupBy(u => u).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);

    private async Task<Dictionary<long, long>> MinutesAsync(IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        await Confirmed(unitIds, window)
            .GroupBy(r => r.OrgUnitId).Select(g => new { g.Key, Minutes = g.Sum(r => (long)r.Minutes) }).ToDictionaryAsync(g => g.Key, g => g.Minutes, ct);

    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("volunteersRegistered", "Volunteers.indicator.registered", IndicatorAggregate.Sum, 10),
        new("volunteersActive", "Volunteers.indicator.active", IndicatorAggregate.Sum, 11),
        new("teams", "Volunteers.indicator.teams", IndicatorAggregate.Sum, 12),
        new("hours", "Volunteers.indicator.hours", IndicatorAggregate.Sum, 20),
    ];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var until = window.UntilUtc;
        switch (key)
        {
            case "volunteersRegistered":
                return await PerUnit(Approved(unitIds, null, until).Select(v => v.OrgUnitId), ct);
            case "volunteersActive":
                var (from, to) = (window.From, window.To);
                var served = db.Set<ServiceRecord>().Where(r => r.Status == ServiceRecordStatus.Confirmed && r.Minutes > 0 && r.ServiceDate >= from && r.ServiceDate <= to);
                return await db.Set<Volunteer>().AsNoTracking()
                    .Where(v => unitIds.Contains(v.OrgUnitId) && served.Any(r => r.VolunteerId == v.Id))
                    .GroupBy(v => v.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);
            case "teams":
                return await PerUnit(Teams(unitIds, null, until).Select(t => t.OrgUnitId), ct);
            case "hours":
                return [.. (await MinutesAsync(unitIds, window, ct)).Select(m => new UnitFigure(m.Key, Math.Round(m.Value / 60m, 2), 0))];
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the volunteers module.");
        }
    }
}
