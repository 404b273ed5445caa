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
/// The points of the demo county's year of service (issue 12). ServiceHistoryDemo confirms a year of hours
/// through the handlers today, so the earning (<see cref="ServiceHoursEarning"/>) posts all their points today,
/// and the points trend would be one spike. This step dates each of those postings at noon of its record's
/// service day, read from the confirmation event the earning was paid for, as if the points had been paid when the
/// hours were served. Only the moment moves: the amounts, the order of the rows and every balance after them stay
/// as posted, so each balance is still the sum of its ledger rows. The demo logins' own histories keep their
/// dates (the tests know them).
/// </summary>
internal sealed class PointsHistoryDemo(AppDbContext db, TimeProvider clock) : IDemoSeedStep
{
    // After the service history (160) and the activity history (170), before the market's starting points (300).
    public int Order => 180;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var logins = demo.PersonIdByLogin.Values.ToHashSet();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == EventNames.Of(typeof(ServiceRecordConfirmed))).Select(m => m.Payload).ToListAsync(ct);
        var served = payloads.Select(p => JsonSerializer.Deserialize<ServiceRecordConfirmed>(p, EventNames.Json)!)
            .Where(e => !logins.Contains(e.PersonId) && e.ServiceDate < today)
            .ToDictionary(e => ServiceHoursEarning.HoursKey(e.RecordId), e => e.ServiceDate);
        var postings = await db.Set<PointTransaction>().AsNoTracking()
            .Where(t => t.Kind == Contracts.PointKind.ServiceHours).Select(t => new { t.Id, t.SourceKey }).ToListAsync(ct);
        // One transaction for the thousands of updates: SQLite would otherwise commit (and sync) each one on its own.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var posting in postings.Where(p => served.ContainsKey(p.SourceKey)))
        {
            var at = DateTime.SpecifyKind(served[posting.SourceKey].ToDateTime(new TimeOnly(12, 0)) - Text.ChinaOffset, DateTimeKind.Utc);
            await db.Set<PointTransaction>().Where(t => t.Id == posting.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at), ct);
        }

        await transaction.CommitAsync(ct);
    }
}
