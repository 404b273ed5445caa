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
/// the day it was made; the statistics add the flows up from the beginning to the window's last day. Active is a
/// distinct count: a volunteer counts once at their own unit however many records, at whatever units, they have in the
/// window, so it adds up over units but not over days. It is rolled up by the first day of each month a volunteer
/// served (ADR 0068); windows the roll-up cannot answer (not from a month's first day, or over several months) are
/// counted from the records per request.
/// </summary>
internal sealed class VolunteerIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } =
        [new("hours", Divisor: 60), new("volunteersRegistered", Cumulative: true), new("teams", Cumulative: true), new("volunteersActive", FirstDays: true)];

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
            // Whole numbers already; the roll-up itself keeps first days (ComputeDaysAsync).
            "volunteersActive" => await ComputeAsync(key, unitIds, window, ct),
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
            // Each volunteer's first day of service per month (the window is whole months), counted at their own unit.
            "volunteersActive" => DayFigures.SumAsync(
                ServedBy(unitIds, window)
                    .GroupBy(x => new { x.Unit, x.VolunteerId, x.Day.Year, x.Day.Month })
                    .Select(g => new { g.Key.Unit, First = g.Min(x => x.Day) }),
                f => new DayFigure(f.Unit, f.First, 1), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the volunteers module."),
        };

    /// <summary>
    /// A record counts for its volunteer's own unit, which the write's mark (the record's unit) does not say: the units
    /// of every volunteer who served at the dirty units in the window are recounted.
    /// </summary>
    public IQueryable<long> RecountUnits(string key, IQueryable<long> dirtyUnits, IndicatorWindow window) =>
        key == "volunteersActive"
            ? Served(window).Where(r => dirtyUnits.Contains(r.OrgUnitId))
                .Join(db.Set<Volunteer>(), r => r.VolunteerId, v => v.Id, (r, v) => v.OrgUnitId).Distinct()
            : dirtyUnits;

    /// <summary>
    /// The records that make a volunteer active: confirmed, with time (a reversal's negative minutes do not, and the
    /// record it reverses stays confirmed), in the window.
    /// </summary>
    private IQueryable<ServiceRecord> Served(IndicatorWindow window)
    {
        var (from, to) = (window.From, window.To);
        return db.Set<ServiceRecord>().AsNoTracking()
            .Where(r => r.Status == ServiceRecordStatus.Confirmed && r.Minutes > 0 && r.ServiceDate >= from && r.ServiceDate <= to);
    }

    /// <summary>The window's serving records of the volunteers of <paramref name="unitIds"/>, with the volunteer's own unit.</summary>
    private IQueryable<Serving> ServedBy(IQueryable<long> unitIds, IndicatorWindow window) =>
        Served(window).Join(db.Set<Volunteer>().Where(v => unitIds.Contains(v.OrgUnitId)), r => r.VolunteerId, v => v.Id, (r, v) => new Serving { Unit = v.OrgUnitId, VolunteerId = r.VolunteerId, Day = r.ServiceDate });

    /// <summary>A member-initialized projection (not a constructor), so EF Core can group and filter on it further.</summary>
    private sealed class Serving
    {
        public long Unit { get; init; }

        public long VolunteerId { get; init; }

        public DateOnly Day { get; init; }
    }

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
                // From the window's records (an index range per unit in scope), not an EXISTS per volunteer of the
                // subtree: a short window (the overview's previous period) then reads few rows.
                return await ServedBy(unitIds, window)
                    .GroupBy(x => x.Unit).Select(g => new UnitFigure(g.Key, g.Select(x => x.VolunteerId).Distinct().Count(), 0)).ToListAsync(ct);
            case "teams":
                return await PerUnit(Teams(unitIds, null, until).Select(t => t.OrgUnitId), ct);
            case "hours":
                return [.. (await MinutesAsync(unitIds, window, ct)).Select(m => new UnitFigure(m.Key, Math.Round(m.Value / 60m, 2), 0))];
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the volunteers module.");
        }
    }
}
