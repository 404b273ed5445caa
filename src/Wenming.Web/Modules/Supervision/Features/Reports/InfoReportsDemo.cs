using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Supervision.Features.Reports;

/// <summary>
/// The demo county's 信息报送 over the past year: every township and the first villages report routine news each month
/// (read by the level above within a day or two) and now and then an urgent one (mostly signed for within the hour and
/// followed up the same day, a few late, so the ledger has red). Today: town1 has an urgent report from 桃花村 waiting
/// for its receipt (yellow) and one from another village already red; village1 owes a follow-up (yellow); the county has
/// an urgent report of 桃源镇 unread past its hour (red). Rows with their past times, as the handlers would have left them.
/// The county's list is RULES.md's nine plus one of its own, 志愿服务 (c10), which the townships used in the past months.
/// </summary>
internal sealed class InfoReportsDemo(AppDbContext db, IOrgDirectory orgs, INotifier notifier, TimeProvider clock) : IDemoSeedStep
{
    // After the 督办 demo.
    public int Order => 410;

    private static readonly (InfoReportCategory Category, string Title, string Body)[] Routine =
    [
        (InfoReportCategory.MajorActivity, "开展“我们的节日”主题实践活动", "本月组织主题活动 3 场，参与群众 260 余人次，志愿者 42 人次，图文材料见附件。"),
        (InfoReportCategory.ImportantMeeting, "召开新时代文明实践工作推进会", "传达县委部署，明确本月重点任务和责任人，各村（社区）书记参会。"),
        (InfoReportCategory.Exemplar, "评选本月“好人好事”先进典型", "评出孝老爱亲、助人为乐典型 4 名，已在宣传栏公示。"),
        (InfoReportCategory.Experience, "“积分超市”激发群众参与热情的做法", "以积分兑换带动环境整治、志愿服务，本月兑换 126 人次。"),
        (InfoReportCategory.Difficulty, "实践站活动经费不足的困难", "冬季取暖和设备维修需经费约 8000 元，请求协调解决。"),
        (InfoReportCategory.MajorActivity, "组织理论宣讲进村入户", "宣讲小分队深入 6 个村民小组，受众 300 余人。"),
    ];

    private static readonly (InfoReportCategory Category, string Title, string Body, string FollowUp)[] Urgent =
    [
        (InfoReportCategory.SafetyAccident, "村道积水致一名老人滑倒受伤", "已送镇卫生院救治，伤情稳定，现场已设置警示。", "老人已出院，积水路段已修补，排查同类隐患 3 处。"),
        (InfoReportCategory.Emergency, "强降雨导致部分农户房屋漏雨", "已组织志愿者转移 2 户老人至村实践站暂住。", "漏雨房屋已修缮，转移人员已返家，物资发放完毕。"),
        (InfoReportCategory.PublicOpinion, "网上反映村集体活动场地被占用", "已核实情况，正在与占用人协商清理。", "场地已清理恢复，已在网上作出回应。"),
        (InfoReportCategory.MassIncident, "部分村民就土地流转补偿集中反映诉求", "已安排专人接待，做好解释疏导。", "经协调已达成一致意见，群众情绪平稳。"),
    ];

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The county is served while it is seeded (ADR 0038): a first request may have written the nine defaults already.
        var have = await db.Set<ReportCategory>().Where(c => c.CountyId == demo.CountyId).Select(c => c.Code).ToListAsync(ct);
        db.AddRange(Enum.GetValues<InfoReportCategory>().Where(c => !have.Contains(c.ToString()))
            .Select(c => ReportCategory.Of(demo.CountyId, c.ToString(), Text.Get("Supervision.category." + c), (int)c)));
        if (!have.Contains(OwnCategory))
        {
            db.Add(ReportCategory.Of(demo.CountyId, OwnCategory, "志愿服务", 10));
        }

        await db.SaveChangesAsync(ct);
        var senders = new List<(OrgUnitInfo Unit, string? Login, long? UserId)>();
        foreach (var (id, i) in demo.TownshipIds.Select((id, i) => (id, i)))
        {
            senders.Add((await UnitAsync(id, ct), i == 0 ? "town1" : i == 1 ? "town2" : null, i == 0 ? User(demo, "town1") : i == 1 ? User(demo, "town2") : null));
        }

        foreach (var (id, i) in demo.VillageIds.Take(6).Select((id, i) => (id, i)))
        {
            // 桃花村 is village1's station, 溪口村 (the fourth) village2's.
            var login = i == 0 ? "village1" : i == 3 ? "village2" : null;
            senders.Add((await UnitAsync(id, ct), login, login is null ? null : User(demo, login)));
        }

        // A year of history: each unit one or two routine reports a month, every fourth month an urgent one.
        for (var month = 12; month >= 1; month--)
        {
            foreach (var (sender, s) in senders.Select((x, s) => (x, s)))
            {
                var at = now.AddDays((-30 * month) + 3 + (s % 9)).AddHours(1 + (s % 7));
                var routine = Routine[(month + s) % Routine.Length];
                var report = Add(demo, sender, routine.Category, false, routine.Title, routine.Body, at);
                var reader = Reader(demo, sender.Unit);
                report.MarkRead(User(demo, reader), reader, at.AddHours(6 + (24 * (s % 3))));
                if ((month + s) % 3 == 0)
                {
                    var second = Routine[(month + s + 2) % Routine.Length];
                    Add(demo, sender, second.Category, false, second.Title, second.Body, at.AddDays(12)).MarkRead(User(demo, reader), reader, at.AddDays(13));
                }

                if (month <= 3 && s < 2)
                {
                    Add(demo, sender, OwnCategory, false, "志愿服务队开展“敲门行动”", "走访独居老人 40 余户，登记需求 18 条，已转为志愿服务项目。", at.AddDays(5))
                        .MarkRead(User(demo, reader), reader, at.AddDays(6));
                }

                if ((month + s) % 4 == 0)
                {
                    var u = Urgent[(month + s) % Urgent.Length];
                    var urgent = Add(demo, sender, u.Category, true, u.Title, u.Body, at.AddDays(7));
                    var late = (month + s) % 12 == 0;
                    urgent.MarkRead(User(demo, reader), reader, at.AddDays(7).AddMinutes(late ? 95 : 25));
                    urgent.AddFollowUp(u.FollowUp, sender.Login, at.AddDays(7).AddHours(late ? 30 : 9));
                }
            }

            await db.SaveChangesAsync(ct);
        }

        // Today's work.
        var village1 = senders.First(x => x.Login == "village1");
        var otherVillage = senders.First(x => x.Unit.ParentId == village1.Unit.ParentId && x.Unit.Id != village1.Unit.Id && x.Unit.Level != OrgLevel.Township);
        var town1 = senders.First(x => x.Login == "town1");
        var waiting = Add(demo, village1, InfoReportCategory.SafetyAccident, true, "村文化广场健身器材损坏致儿童轻伤", "儿童已送医包扎，器材已停用并设置围挡。", now.AddMinutes(-52));
        var red = Add(demo, otherVillage, InfoReportCategory.Emergency, true, "山塘水位上涨，下游 5 户需转移", "已组织党员志愿者协助转移，安置在村实践站。", now.AddHours(-3));
        var followUpDue = Add(demo, village1, InfoReportCategory.PublicOpinion, true, "网传村里垃圾清运不及时", "已核实，清运车辆故障两天，已协调镇环卫所。", now.AddHours(-20));
        followUpDue.MarkRead(User(demo, "town1"), "town1", now.AddHours(-19).AddMinutes(-30));
        Add(demo, village1, InfoReportCategory.MajorActivity, false, "开展冬季送温暖志愿服务", "为 28 户困难群众送去棉被、米油，志愿者 16 人参与。", now.AddDays(-1));
        Add(demo, town1, InfoReportCategory.Emergency, true, "桃源镇一处民房起火，无人员伤亡", "镇村干部和志愿者已到场协助处置，火已扑灭。", now.AddHours(-2));
        Add(demo, senders.First(x => x.Login == "town2"), InfoReportCategory.Experience, false, "清溪镇“周末实践课堂”做法", "每周六在实践所开设书法、非遗手工课，已开展 12 期。", now.AddDays(-2));
        await db.SaveChangesAsync(ct);

        foreach (var r in new[] { waiting, red })
        {
            await notifier.ToUnitAdminsAsync(r.ToUnitId, new Notice(
                Text.Get("Supervision.notice.report_urgent.title"),
                Text.Get("Supervision.notice.report_urgent.body", senders.First(x => x.Unit.Id == r.OrgUnitId).Unit.Name, InfoReportLabels.Category(r.Category, new Dictionary<string, string>()), r.Title),
                $"/supervision/reports/{r.Id}"), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private const string OwnCategory = "c10";

    private InfoReport Add(DemoCountyData demo, (OrgUnitInfo Unit, string? Login, long? UserId) sender, InfoReportCategory category, bool urgent, string title, string body, DateTime at) =>
        Add(demo, sender, category.ToString(), urgent, title, body, at);

    private InfoReport Add(DemoCountyData demo, (OrgUnitInfo Unit, string? Login, long? UserId) sender, string category, bool urgent, string title, string body, DateTime at)
    {
        var report = InfoReport.Create(demo.CountyId, sender.Unit.Id, sender.Unit.ParentId!.Value, category, urgent, title, body, sender.UserId, sender.Login, at);
        db.Add(report);
        return report;
    }

    /// <summary>Who signs for a unit's reports: the county center for a township, town1 or town2 for their villages.</summary>
    private static string Reader(DemoCountyData demo, OrgUnitInfo unit) =>
        unit.ParentId == demo.CountyId ? "center" : unit.ParentId == demo.TownshipIds[0] ? "town1" : unit.ParentId == demo.TownshipIds[1] ? "town2" : "center";

    private async Task<OrgUnitInfo> UnitAsync(long id, CancellationToken ct) =>
        await orgs.FindUnscopedAsync(id, ct) ?? throw new InvalidOperationException($"Demo unit {id} is missing.");

    private static long? User(DemoCountyData demo, string? login) => login is not null && demo.UserIdByLogin.TryGetValue(login, out var id) ? id : null;
}
