using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Earning;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points;

/// <summary>
/// The points of the demo county's year of service (issue 12). The service steps confirm a year of hours through the
/// handlers today, so the earning (<see cref="ServiceHoursEarning"/>) posts all their points today, and the points
/// trend would be one spike while this month's 发放积分 read thousands against tens. This step dates each of those
/// postings at noon of its record's service day, read from the confirmation event the earning was paid for, as if
/// the points had been paid when the hours were served; a posting that takes a record's points back, the day after;
/// and the market's starting points (演示数据：初始积分) at the start of the demo's history, when the volunteers
/// joined. Only the moment moves: the amounts, the order of the rows and every balance after them stay as posted,
/// so each balance is still the sum of its ledger rows.
/// </summary>
internal sealed class PointsHistoryDemo(AppDbContext db, TimeProvider clock) : IDemoSeedStep
{
    // After the service history (160, 170) and the market's starting points (300), before the hand awards (320).
    public int Order => 305;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == EventNames.Of(typeof(ServiceRecordConfirmed))).Select(m => m.Payload).ToListAsync(ct);
        var served = payloads.Select(p => JsonSerializer.Deserialize<ServiceRecordConfirmed>(p, EventNames.Json)!)
            .Where(e => e.ServiceDate < today)
            .ToDictionary(e => ServiceHoursEarning.HoursKey(e.RecordId), e => e.ServiceDate);
        var postings = await db.Set<PointTransaction>().AsNoTracking()
            .Where(t => t.Kind == Contracts.PointKind.ServiceHours || t.Kind == Contracts.PointKind.Reversal || t.SourceKey == InitialPoints)
            .Select(t => new { t.Id, t.Kind, t.SourceKey }).ToListAsync(ct);
        // The start of the month 14 months back, as VolunteersDemo dates the volunteers' approval.
        var start = today.AddMonths(-14);
        var joined = new DateOnly(start.Year, start.Month, 1);

        DateOnly? DayOf(string sourceKey) =>
            sourceKey == InitialPoints ? joined
            : served.TryGetValue(sourceKey, out var day) ? day
            : sourceKey.StartsWith(ReversalPrefix, StringComparison.Ordinal) && served.TryGetValue(sourceKey[ReversalPrefix.Length..], out var reversed) ? reversed.AddDays(1)
            : null;

        // One transaction for the thousands of updates: SQLite would otherwise commit (and sync) each one on its own.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var posting in postings)
        {
            if (DayOf(posting.SourceKey) is { } day && day < today)
            {
                var at = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(12, 0)) - Text.ChinaOffset, DateTimeKind.Utc);
                await db.Set<PointTransaction>().Where(t => t.Id == posting.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at), ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The source key of the market demo's starting points (MarketDemo).</summary>
    private const string InitialPoints = "demo:initial-points";

    private const string ReversalPrefix = "reversal:";
}
