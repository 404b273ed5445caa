using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>
/// The demo county's 考评: last month's township scheme made by center, scored by hand by supervisor1 (桃源镇 well, 石门乡
/// marked down for its overdue 督办), reviewed by admin and published by center; last month's village scheme of
/// 桃源镇 made by town1, reviewed by center and published (so village1's home shows its rank); and this month's township
/// scheme, computed with one manual score, waiting for review. Computed from the other modules' demo figures, which
/// is why this step runs after all of them. 桃源镇's score carries two inspection photos besides its note.
/// </summary>
internal sealed class AssessmentDemo(AppDbContext db, AssessmentSchemesHandler schemes, INotifier notifier, IFileStore files, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 900;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Text.ToChinaTime(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var center = demo.UserIdByLogin.GetValueOrDefault("center");
        var town1 = demo.UserIdByLogin.GetValueOrDefault("town1");
        var supervisor = demo.UserIdByLogin.GetValueOrDefault("supervisor1");
        var withManual = AssessmentSchemesHandler.DefaultWeights.Append((AssessmentSchemesHandler.Manual, 10)).ToList();
        var towns = demo.TownshipIds;
        var published = now.AddDays(-(today.Day - 1)).AddHours(-2);

        var last = await SchemeAsync(demo.CountyId, demo.CountyId, Month(lastMonth), "Township", withManual, center, "center", published.AddDays(-3), ct);
        await ManualAsync(last, towns[0], 92, "实地检查：实践所阵地整洁，活动台账齐全，群众评价好。", supervisor, published.AddDays(-2), ct, photos: ["阵地外景.png", "活动台账.png"]);
        if (towns.Count > 2)
        {
            await ManualAsync(last, towns[2], 65, "第四季度志愿服务时长统计逾期未报，经两次催办仍未办结，酌情扣分。", supervisor, published.AddDays(-2), ct);
        }

        await PublishAsync(last, demo.UserIdByLogin.GetValueOrDefault("admin"), "admin", published.AddDays(-1), published, ct);

        var villages = await SchemeAsync(demo.CountyId, towns[0], Month(lastMonth), "Village", AssessmentSchemesHandler.DefaultWeights, town1, "town1", published.AddDays(-3), ct);
        await PublishAsync(villages, center, "center", published.AddDays(-1), published.AddHours(1), ct);

        var current = await SchemeAsync(demo.CountyId, demo.CountyId, Month(thisMonth), "Township", withManual, center, "center", now.AddHours(-3), ct);
        if (towns.Count > 1)
        {
            await ManualAsync(current, towns[1], 80, "阵地标识整改正在推进，清溪社区待施工。", supervisor, now.AddHours(-1), ct);
        }
    }

    private static string Month(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<AssessmentScheme> SchemeAsync(
        long countyId, long unitId, string period, string level, IEnumerable<(string, int)> weights, long userId, string login, DateTime at, CancellationToken ct)
    {
        var scheme = AssessmentScheme.Create(countyId, unitId, period, level, weights, userId, login, at);
        db.Add(scheme);
        await db.SaveChangesAsync(ct);
        await schemes.ComputeIntoAsync(scheme, ct);
        await db.SaveChangesAsync(ct);
        return scheme;
    }

    private async Task ManualAsync(AssessmentScheme scheme, long unitId, decimal score, string evidence, long userId, DateTime at, CancellationToken ct, string[]? photos = null)
    {
        var manual = AssessmentManualScore.Of(scheme, unitId, score, evidence, userId, "supervisor1", at);
        db.Add(manual);
        scheme.Recomputed(at);
        await db.SaveChangesAsync(ct);
        foreach (var (name, i) in (photos ?? []).Select((n, i) => (n, i)))
        {
            using var content = new MemoryStream(SampleFiles.Png(240, 160, (x, y) => ((byte)(120 + (i * 40)), (byte)(150 + (y / 4)), (byte)(90 + (x / 4)))));
            var file = await files.AddAsync(name, content, scheme.OrgUnitId, ct);
            await db.SaveChangesAsync(ct);
            db.Add(AssessmentManualScorePhoto.Of(scheme, manual, file.Value.Id));
        }

        await schemes.ComputeIntoAsync(scheme, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task PublishAsync(AssessmentScheme scheme, long reviewerId, string reviewer, DateTime reviewedAt, DateTime publishedAt, CancellationToken ct)
    {
        scheme.Review(reviewerId, reviewer, reviewedAt);
        scheme.Publish(reviewer == "center" ? "town1" : "center", publishedAt);
        var title = AssessmentSchemesHandler.Title(scheme.Period, scheme.Level);
        foreach (var r in await db.Set<AssessmentResult>().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct))
        {
            r.Publish(publishedAt);
            await notifier.ToUnitAdminsAsync(
                r.OrgUnitId,
                new Notice(Text.Get("Assessment.notice.published.title"), Text.Get("Assessment.notice.published.body", title, r.Rank, r.RankedCount, r.Score), $"/assessments/{scheme.Id}"),
                ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
