using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Supervision.Features.Reports;

/// <summary>
/// 信息报送's indicators (ADR 0040) for the statistics and the assessment's "reports on time": the reports made in the
/// window per reporting unit, and the share of them not red now (routine ones are never red; urgent ones signed for
/// within 1 h and followed up within 24 h, or still within their time). The "not red" test is
/// <see cref="InfoReportsHandler.WithLight"/>'s red, turned positive.
/// </summary>
internal sealed class InfoReportIndicators(AppDbContext db) : IIndicatorSource
{
    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("reportsSubmitted", "Supervision.indicator.reportsSubmitted", IndicatorAggregate.Sum, 80),
        new("reportsOnTime", "Supervision.indicator.reportsOnTime", IndicatorAggregate.Ratio, 81, Percent: true),
    ];

    /// <summary>Both figures of one window, counted in one statement once per request (this source is scoped): an overview asks for each.</summary>
    private readonly Dictionary<(IQueryable<long> Units, IndicatorWindow Window), List<(long Unit, int Submitted, int OnTime)>> _counted = [];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        if (key is not ("reportsSubmitted" or "reportsOnTime"))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the supervision module.");
        }

        if (!_counted.TryGetValue((unitIds, window), out var counts))
        {
            var (from, until, now) = (window.FromUtc, window.UntilUtc, window.NowUtc);
            var rows = await db.Set<InfoReport>().AsNoTracking()
                .Where(r => unitIds.Contains(r.OrgUnitId) && r.ReportedAt >= from && r.ReportedAt < until)
                .GroupBy(r => r.OrgUnitId)
                .Select(g => new
                {
                    g.Key,
                    Submitted = g.Count(),
                    OnTime = g.Count(r => !r.Urgent
                        || (((r.ReadAt == null && r.ReadDueAt >= now) || r.ReadAt <= r.ReadDueAt)
                            && ((r.FollowUpAt == null && r.FollowUpDueAt >= now) || r.FollowUpAt <= r.FollowUpDueAt))),
                })
                .ToListAsync(ct);
            counts = [.. rows.Select(r => (r.Key, r.Submitted, r.OnTime))];
            _counted[(unitIds, window)] = counts;
        }

        return key == "reportsSubmitted"
            ? [.. counts.Select(c => new UnitFigure(c.Unit, c.Submitted, 0))]
            : [.. counts.Select(c => new UnitFigure(c.Unit, c.OnTime, c.Submitted))];
    }
}
