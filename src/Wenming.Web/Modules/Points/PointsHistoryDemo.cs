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
/// The points of the demo county's year of service (issue 12). The demo confirms a year of hours through the
/// handlers today, so the earning (<see cref="ServiceHoursEarning"/>) posts all their points today, and the points
/// trend would be one spike in this month. This step dates each of those postings at noon of its record's service
/// day, read from the confirmation event the earning was paid for, as if the points had been paid when the hours were
/// served, and a reversal of one at the moment of what it reverses (the demo corrects a record the day it was
/// entered). Only the moment moves: the amounts, the order of the rows and every balance after them stay as posted,
/// so each balance is still the sum of its ledger rows. The demo steps post each person's points in the order of
/// their dates (ServiceRecordsDemo, StartingPointsDemo), so a statement, listed in the order of posting, reads in
/// the order of time.
/// </summary>
internal sealed class PointsHistoryDemo(AppDbContext db, TimeProvider clock) : IDemoSeedStep
{
    // After the service history (160) and the activity history (170), before the market's starting points (300).
    public int Order => 180;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == EventNames.Of(typeof(ServiceRecordConfirmed))).Select(m => m.Payload).ToListAsync(ct);
        var served = payloads.Select(p => JsonSerializer.Deserialize<ServiceRecordConfirmed>(p, EventNames.Json)!)
            .Where(e => e.ServiceDate < today)
            .ToDictionary(e => ServiceHoursEarning.HoursKey(e.RecordId), e => e.ServiceDate);
        var postings = await db.Set<PointTransaction>().AsNoTracking()
            .Where(t => t.Kind == Contracts.PointKind.ServiceHours).Select(t => new { t.Id, t.SourceKey }).ToListAsync(ct);
        // One transaction for the thousands of updates: SQLite would otherwise commit (and sync) each one on its own.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dated = new Dictionary<long, DateTime>();
        foreach (var posting in postings.Where(p => served.ContainsKey(p.SourceKey)))
        {
            var at = DateTime.SpecifyKind(served[posting.SourceKey].ToDateTime(new TimeOnly(12, 0)) - Text.ChinaOffset, DateTimeKind.Utc);
            await db.Set<PointTransaction>().Where(t => t.Id == posting.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at), ct);
            dated[posting.Id] = at;
        }

        var reversals = await db.Set<PointTransaction>().AsNoTracking()
            .Where(t => t.Kind == Contracts.PointKind.Reversal && t.ReversesTransactionId != null)
            .Select(t => new { t.Id, Reverses = t.ReversesTransactionId!.Value }).ToListAsync(ct);
        foreach (var reversal in reversals.Where(r => dated.ContainsKey(r.Reverses)))
        {
            var at = dated[reversal.Reverses];
            await db.Set<PointTransaction>().Where(t => t.Id == reversal.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at), ct);
        }

        await transaction.CommitAsync(ct);
    }
}
