using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.Series;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>
/// The township's 四点半课堂 every Wednesday afternoon (ADR 0058): a rule started twenty weeks ago through the series
/// handler, published, with the past Wednesdays held (finished) and the coming ones open for sign-up.
/// </summary>
internal sealed class ActivitySeriesDemo(ActivitySeriesHandler series, AppDbContext db, TimeProvider clock) : IDemoSeedStep
{
    // After the one-off activities (110).
    public int Order => 115;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Text.ToChinaTime(now).DateTime);
        var first = today.AddDays(-140 + (((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7));
        DateTimeOffset At(int hour, int minute) => new(first.ToDateTime(new TimeOnly(hour, minute)), Text.ChinaOffset);

        var made = await series.CreateAsync(new CreateSeriesRequest(
            demo.TownshipIds[0], null, "四点半课堂：作业辅导与阅读", ActivityCategory.CultivateValues, "桃源镇四点半课堂", At(16, 30), At(18, 0), 20, null, null, 10,
            "放学后为留守儿童辅导作业、带读绘本，家长 18:00 前接回。", "有耐心，能辅导小学作业",
            new RecurrenceRequest(RecurrenceFrequency.Weekly, 1, [3], first.AddDays(7 * 45)), Publish: true), ct);
        if (!made.IsSuccess)
        {
            throw new InvalidOperationException($"Demo series: {made.Error!.Code} {made.Error.Message}");
        }

        // The Wednesdays already past were held: started and finished as the desk would have done it.
        var seriesId = made.Value.Id;
        var past = await db.Set<Activity>().Where(a => a.SeriesId == seriesId && a.EndsAt < now).ToListAsync(ct);
        foreach (var a in past)
        {
            a.Apply(ActivityAction.Start);
            a.Apply(ActivityAction.Finish);
        }

        await db.SaveChangesAsync(ct);
    }
}
