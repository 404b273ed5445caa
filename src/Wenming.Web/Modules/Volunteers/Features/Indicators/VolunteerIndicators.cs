using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Volunteers.Features.Indicators;

/// <summary>
/// The volunteers' indicators (ADR 0040): registered (approved by the end of the window, a stock), active (with
/// confirmed service in the window, counted at the volunteer's own unit), teams (a stock) and confirmed hours
/// (by service date, reversals included, so a corrected record counts once). Hours are rolled up as minutes
/// (ADR 0061): a service record counts on its unit and service date.
/// </summary>
internal sealed class VolunteerIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<RolledUpKey> RolledUp { get; } = [new("hours", Divisor: 60)];

    public static IEnumerable<(long, DateOnly)> Touched(ServiceRecord r) => [(r.OrgUnitId, r.ServiceDate)];

    public async Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key == "hours"
            ? [.. (await MinutesAsync(unitIds, window, ct)).Select(m => new UnitFigure(m.Key, m.Value, 0))]
            : throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the volunteers module.");

    public Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        key == "hours"
            ? DayFigures.SumAsync(Confirmed(unitIds, window).Select(r => new { r.OrgUnitId, r.ServiceDate, r.Minutes }), r => new DayFigure(r.OrgUnitId, r.ServiceDate, r.Minutes), ct)
            : throw new ArgumentOutOfRangeException(nameof(key), key, "Not a rolled-up indicator of the volunteers module.");

    private IQueryable<ServiceRecord> Confirmed(IQueryable<long> unitIds, IndicatorWindow window) =>
        db.Set<ServiceRecord>().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && r.Status == ServiceRecordStatus.Confirmed && r.ServiceDate >= window.From && r.ServiceDate <= window.To);

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
                return await db.Set<Volunteer>().AsNoTracking()
                    .Where(v => unitIds.Contains(v.OrgUnitId) && v.Status == VolunteerStatus.Approved && v.ReviewedAt < until)
                    .GroupBy(v => v.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);
            case "volunteersActive":
                var (from, to) = (window.From, window.To);
                var served = db.Set<ServiceRecord>().Where(r => r.Status == ServiceRecordStatus.Confirmed && r.Minutes > 0 && r.ServiceDate >= from && r.ServiceDate <= to);
                return await db.Set<Volunteer>().AsNoTracking()
                    .Where(v => unitIds.Contains(v.OrgUnitId) && served.Any(r => r.VolunteerId == v.Id))
                    .GroupBy(v => v.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);
            case "teams":
                return await db.Set<Team>().AsNoTracking()
                    .Where(t => unitIds.Contains(t.OrgUnitId) && t.CreatedAt < until)
                    .GroupBy(t => t.OrgUnitId).Select(g => new UnitFigure(g.Key, g.Count(), 0)).ToListAsync(ct);
            case "hours":
                return [.. (await MinutesAsync(unitIds, window, ct)).Select(m => new UnitFigure(m.Key, Math.Round(m.Value / 60m, 2), 0))];
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the volunteers module.");
        }
    }
}
