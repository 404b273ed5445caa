using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Modules.Points;

/// <summary>
/// Starting points for the demo residents and volunteers, so that the charity supermarket has customers: Award
/// postings with a demo source key, so a real award never collides with them. A statement lists its rows in the order
/// they were posted, so the demo posts each person's points in the order of their dates: these come first and are
/// dated a year back, at the start of the demo's history. Posted on the seed day, they were most of "this month's"
/// issued points on the county's statistics.
/// </summary>
internal sealed class StartingPointsDemo(AppDbContext db, IPointsLedger ledger, TimeProvider clock) : IDemoSeedStep
{
    private const string SourceKey = "demo:initial-points";

    // After VolunteersDemo (100), before the first demo step that earns points (ServiceRecordsDemo, 105).
    public int Order => 102;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        string[] logins = ["resident1", "resident2", "resident3", "resident4", "resident5", "volunteer1", "volunteer2", "volunteer3"];
        var starting = new[] { 300, 120, 80, 60, 40, 200, 150, 100 };
        for (var i = 0; i < logins.Length; i++)
        {
            if (demo.PersonIdByLogin.TryGetValue(logins[i], out var personId))
            {
                await ledger.PostAsync(new PointPosting(personId, starting[i], PointKind.Award, SourceKey, "演示数据：初始积分"), ct);
            }
        }

        var yearAgo = clock.GetUtcNow().UtcDateTime.AddYears(-1);
        await db.Set<PointTransaction>().Where(t => t.SourceKey == SourceKey).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, yearAgo), ct);
    }
}
