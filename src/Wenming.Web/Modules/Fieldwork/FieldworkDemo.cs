using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Fieldwork;

/// <summary>
/// The demo county's field work over the past year. 包镇联村: supervisor1 (a county leader) is linked to the first
/// township and its first village and visited them most months, but not this month (yellow on their home);
/// center is linked to the second and third townships and visited every month, this one included (green); one of
/// supervisor1's visits last month found a problem that became a 督办 task. 阵地标准: every station has stated its
/// checklist (with evidence photos for two items) and was inspected by its township once or twice, scores varying.
/// Written as rows with their past dates (the handlers stamp "now").
/// </summary>
internal sealed class FieldworkDemo(AppDbContext db, IOrgDirectory orgs, IFileStore files, ISupervisionTaskAssigner tasks, TimeProvider clock) : IDemoSeedStep
{
    // After the supervision step (400), whose tasks this one's adds to.
    public int Order => 410;

    private static readonly string[] Places = ["村委会议室", "新时代文明实践站", "村文化广场", "农家书屋", "村卫生室", "产业基地", "敬老院", "村小学"];

    private static readonly string[] Findings =
    [
        "实践站活动按月开展，志愿者登记规范，群众反映良好。",
        "积分超市货品充足，兑换台账清楚；建议增加适合老人的物品。",
        "移风易俗宣传到位，红白理事会章程已上墙。",
        "理论宣讲小分队本月开展 2 次宣讲，听众 60 余人。",
        "农家书屋开放时间与公示不一致，已当场提醒整改。",
        "留守儿童四点半课堂运行正常，志愿者排班表完整。",
    ];

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VisitMonths.ChinaToday(now);
        var county = demo.CountyId;
        var (towns, villages) = (demo.TownshipIds, demo.VillageIds);
        var supervisor = demo.UserIdByLogin["supervisor1"];
        var center = demo.UserIdByLogin["center"];
        var linkedOn = today.AddYears(-1);
        db.Add(LeaderLink.Of(county, towns[0], supervisor, "supervisor1", "县委常委、宣传部部长 周明", linkedOn, "center"));
        db.Add(LeaderLink.Of(county, villages[0], supervisor, "supervisor1", "县委常委、宣传部部长 周明", linkedOn, "center"));
        db.Add(LeaderLink.Of(county, towns[1], center, "center", "县文明实践中心主任 李华", linkedOn, "center"));
        db.Add(LeaderLink.Of(county, towns[Math.Min(2, towns.Count - 1)], center, "center", "县文明实践中心主任 李华", linkedOn, "center"));
        await db.SaveChangesAsync(ct);

        LeaderVisit? lastMonthsVisit = null;
        for (var m = 11; m >= 0; m--)
        {
            var first = VisitMonths.FirstDay(today).AddMonths(-m);
            // supervisor1: one or two visits a month, none in the seventh month back (a yellow in the history) nor this month.
            if (m > 0 && m != 7)
            {
                var unit = m % 2 == 0 ? villages[0] : towns[0];
                var visit = Visit(county, unit, supervisor, "supervisor1", first.AddDays(4 + (m % 9)), m, now);
                if (m == 1)
                {
                    lastMonthsVisit = visit;
                }

                if (m % 3 == 0)
                {
                    Visit(county, villages[0], supervisor, "supervisor1", first.AddDays(18), m + 3, now);
                }
            }

            // center: every month, this one included (dated today when the month has just begun).
            var day = m == 0 ? today : first.AddDays(9 + (m % 7));
            Visit(county, towns[1 + (m % Math.Max(1, Math.Min(2, towns.Count - 1)))], center, "center", day, m + 1, now);
        }

        await db.SaveChangesAsync(ct);
        var problem = lastMonthsVisit!;
        await PhotoAsync(problem, ct);

        // The problem supervisor1 found last month became a 督办 task of the unit.
        var raised = await tasks.AssignFromVisitAsync(
            problem.OrgUnitId, Text.Get("Fieldwork.ui.task_title", problem.Place), problem.Found, new DateTimeOffset(now.AddDays(5), TimeSpan.Zero), ct);
        if (raised.IsSuccess)
        {
            problem.BecameTask(raised.Value);
            db.Entry(problem).Property(v => v.TaskRequestedAt).CurrentValue = now;
            await db.SaveChangesAsync(ct);
        }

        await SitesAsync(county, villages, today, now, ct);
    }

    private LeaderVisit Visit(long county, long unit, long leader, string login, DateOnly on, int seed, DateTime now)
    {
        var visit = LeaderVisit.Log(county, unit, leader, login, on, Places[seed % Places.Length], Findings[seed % Findings.Length], now);
        db.Add(visit);
        return visit;
    }

    private async Task PhotoAsync(LeaderVisit visit, CancellationToken ct)
    {
        using var content = new MemoryStream(SampleFiles.Png(240, 160, (x, y) => ((byte)(90 + (y / 2)), (byte)(140 + (x % 40)), (byte)(60 + (x / 4)))));
        var file = await files.AddAsync("走访.png", content, visit.OrgUnitId, ct);
        await db.SaveChangesAsync(ct);
        db.Add(LeaderVisitPhoto.Of(visit, file.Value.Id));
        await db.SaveChangesAsync(ct);
    }

    private static readonly Dictionary<SiteItem, string> Statements = new()
    {
        [SiteItem.StrongParty] = "村党支部书记任实践站站长，支委分工联系志愿服务队。",
        [SiteItem.GoodIndustry] = "茶叶合作社带动 86 户增收，实践站开展技术培训。",
        [SiteItem.GoodMassBase] = "注册志愿者 120 人，占常住人口 9%。",
        [SiteItem.RegularActivities] = "每月不少于 4 次活动，活动计划在公示栏公开。",
        [SiteItem.StandardVenue] = "设宣讲室、书屋、活动室，配备桌椅和音响。",
        [SiteItem.StandardArchives] = "活动档案按月装盒，图文资料齐全。",
        [SiteItem.Signage] = "门牌、制度牌、功能室标识统一制作。",
        [SiteItem.OpeningHours] = "周二至周日 8:30–17:30 开放，节假日不闭馆。",
        [SiteItem.VenueArea] = "室内 260 平方米，室外广场 800 平方米。",
    };

    private async Task SitesAsync(long county, IReadOnlyList<long> villages, DateOnly today, DateTime now, CancellationToken ct)
    {
        for (var v = 0; v < villages.Count; v++)
        {
            var station = villages[v];
            var township = (await orgs.FindAsync(station, ct))?.ParentId ?? county;
            foreach (var (item, note) in Statements)
            {
                var entry = SiteChecklistEntry.Of(county, station, item);
                entry.State(note, "village1", now.AddDays(-40 - v));
                db.Add(entry);
            }

            // Every station inspected a month ago; every other one also half a year ago, with a lower score (it improved).
            await InspectAsync(county, station, township, today.AddDays(-30 - (v % 10)), v, 0, now, ct);
            if (v % 2 == 0)
            {
                await InspectAsync(county, station, township, today.AddMonths(-6).AddDays(-(v % 10)), v, -2, now, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var item in new[] { SiteItem.Signage, SiteItem.StandardVenue })
        {
            using var content = new MemoryStream(SampleFiles.Png(200, 140, (x, y) => ((byte)(200 - (y / 2)), (byte)(60 + (x / 3)), 50)));
            var file = await files.AddAsync(item == SiteItem.Signage ? "标识牌.png" : "活动室.png", content, villages[0], ct);
            await db.SaveChangesAsync(ct);
            db.Add(SiteEvidencePhoto.Of(county, villages[0], item, file.Value.Id, now.AddDays(-40)));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task InspectAsync(long county, long station, long township, DateOnly on, int v, int shift, DateTime now, CancellationToken ct)
    {
        var scores = SiteItems.All.Select((item, i) => (item, Score: Math.Clamp(6 + ((v + (i * 3)) % 5) + shift, 0, 10))).ToList();
        var inspection = SiteInspection.Of(county, station, township, null, on, scores.Sum(s => s.Score), shift < 0 ? "档案不全，标识待更新。" : "整体规范，继续保持。", now);
        db.Add(inspection);
        await db.SaveChangesAsync(ct);
        foreach (var (item, score) in scores)
        {
            db.Add(SiteInspectionScore.Of(inspection, item, score, score < 7 ? "需整改" : null));
        }
    }
}
