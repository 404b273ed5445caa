using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.OrderItems;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Supervision.Features.Tasks;

/// <summary>
/// The demo county's 督办 over the past year: the center's monthly tasks to the four townships (mostly done on
/// time, some late), and today's open tasks in every light — 桃源镇 on track, 清溪镇 at risk and urged, 石门乡 overdue
/// and urged twice, 桃花村 (village1) behind plan and urged by town1, 溪口村 (village2) just assigned; and the demo's
/// overdue order raised as 桃源镇's item by the job. Written as
/// rows with their past times (the handlers refuse a due time in the past, rightly), the urges' messages included.
/// </summary>
internal sealed class SupervisionDemo(IServiceProvider services, AppDbContext db, INotifier notifier, TimeProvider clock) : IDemoSeedStep
{
    // After the org tree, accounts and the other modules' steps.
    public int Order => 400;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var county = demo.CountyId;
        var towns = demo.TownshipIds;
        var villages = demo.VillageIds;
        var center = demo.UserIdByLogin.GetValueOrDefault("center");
        var town1 = demo.UserIdByLogin.GetValueOrDefault("town1");
        var town2 = demo.UserIdByLogin.GetValueOrDefault("town2");
        var village1 = demo.UserIdByLogin.GetValueOrDefault("village1");
        var supervisor = demo.UserIdByLogin.GetValueOrDefault("supervisor1");

        string[] monthly =
        [
            "报送本月新时代文明实践活动开展情况", "组织开展“学雷锋”志愿服务月活动", "开展移风易俗宣传进村入户", "整理规范实践所（站）活动档案",
            "开展“我们的节日·端午”主题活动", "组织理论宣讲小分队基层宣讲", "开展防溺水安全教育志愿服务", "开展秋收助农志愿服务",
            "推进“积分超市”规范化运营", "开展“我们的节日·重阳”敬老活动", "组织志愿者骨干业务培训",
        ];
        for (var m = 0; m < monthly.Length; m++)
        {
            var month = monthly.Length - m;
            var assigned = now.AddDays((-30 * month) - 20);
            var due = now.AddDays(-30 * month);
            var late = m % 4 == 2;
            var task = SupervisionTask.Assign(county, towns[m % towns.Count], county, center, "center", monthly[m], null, due, assigned);
            await AssignedAsync(task, null, "center", center, assigned, ct);
            Progress(task, 50, "已部署，各村（社区）正在推进。", assigned.AddDays(8), TownUser(m));
            task.Complete(late ? due.AddDays(3) : due.AddDays(-2));
            Add(task, (SupervisionEntryKind.Completed, 100, late ? "因村两委换届推迟，现已完成。" : "已按要求完成，材料已报送。", TownLogin(m), TownUser(m) ?? center, task.CompletedAt!.Value));
            await db.SaveChangesAsync(ct);
        }

        string? TownLogin(int m) => m % towns.Count == 0 ? "town1" : m % towns.Count == 1 ? "town2" : null;
        long? TownUser(int m) => m % towns.Count == 0 ? town1 : m % towns.Count == 1 ? town2 : null;

        var onTrack = SupervisionTask.Assign(county, towns[0], county, center, "center", "开展“我们的节日·元旦”主题实践活动", "各镇结合实际组织不少于 3 场主题活动，元旦后 3 天内报送图文材料。", now.AddDays(10), now.AddDays(-20));
        await AssignedAsync(onTrack, onTrack.Description, "center", center, now.AddDays(-20), ct);
        Progress(onTrack, 60, "已制定方案，桃花村、柳岸村已完成 2 场。", now.AddDays(-6), town1);

        var atRisk = SupervisionTask.Assign(county, towns[1], county, center, "center", "整改实践站阵地标识不统一问题", "按全县统一标识规范更换门牌、公示栏。", now.AddDays(2), now.AddDays(-25));
        await AssignedAsync(atRisk, atRisk.Description, "center", center, now.AddDays(-25), ct);
        Progress(atRisk, 70, "溪口村、竹林村已更换，清溪社区待施工。", now.AddDays(-4), town2);
        await UrgeAsync(atRisk, "supervisor1", supervisor, "距截止仅剩 2 天，请加快清溪社区施工进度。", now.AddHours(-20), ct);

        var overdue = SupervisionTask.Assign(county, towns[2], county, center, "center", "报送第四季度志愿服务时长统计", null, now.AddDays(-5), now.AddDays(-40));
        await AssignedAsync(overdue, null, "center", center, now.AddDays(-40), ct);
        Progress(overdue, 40, "石门村、枫岭村已报，茶园村未报。", now.AddDays(-12), null);
        await UrgeAsync(overdue, "center", center, null, now.AddDays(-4), ct);
        await UrgeAsync(overdue, "supervisor1", supervisor, "已逾期 5 天，请今日内报送并说明原因。", now.AddHours(-6), ct);
        Comment(overdue, "supervisor1", supervisor, "纳入本月考评扣分事项。", now.AddHours(-5));

        var behind = SupervisionTask.Assign(county, villages[0], towns[0], town1, "town1", "组织村民开展冬季环境卫生整治", "清理房前屋后柴草堆、垃圾死角，完成后上传前后对比照片。", now.AddDays(5), now.AddDays(-10));
        await AssignedAsync(behind, behind.Description, "town1", town1, now.AddDays(-10), ct);
        Progress(behind, 20, "已召开村民代表会议动员。", now.AddDays(-7), village1);
        await UrgeAsync(behind, "town1", town1, "时间已过半，进度滞后，请抓紧组织。", now.AddHours(-3), ct);

        var done = SupervisionTask.Assign(county, villages[1], towns[0], town1, "town1", "更新村级实践站志愿者名册", null, now.AddDays(-30), now.AddDays(-45));
        await AssignedAsync(done, null, "town1", town1, now.AddDays(-45), ct);
        done.Complete(now.AddDays(-33));
        Add(done, (SupervisionEntryKind.Completed, 100, "名册已更新，新增志愿者 12 名。", "town1", town1, now.AddDays(-33)));

        var fresh = SupervisionTask.Assign(county, villages[3], towns[1], town2, "town2", "更新实践站开放时间公示", "冬季开放时间调整后，在站门口和线上同步公示。", now.AddDays(20), now.AddDays(-1));
        await AssignedAsync(fresh, fresh.Description, "town2", town2, now.AddDays(-1), ct);

        // The orders' demo leaves an order red for more than a day: the job makes it the parent unit's item, as it would every minute.
        await Jobs.RunOnceAsync<OverdueOrderItemsJob>(services, now, ct);
    }

    private void Progress(SupervisionTask task, int percent, string note, DateTime at, long? userId)
    {
        task.Report(percent);
        Add(task, (SupervisionEntryKind.Progress, percent, note, null, userId, at));
    }

    private void Comment(SupervisionTask task, string login, long userId, string note, DateTime at) =>
        Add(task, (SupervisionEntryKind.Comment, null, note, login, userId, at));

    private async Task UrgeAsync(SupervisionTask task, string login, long userId, string? note, DateTime at, CancellationToken ct)
    {
        task.Urge(at);
        Add(task, (SupervisionEntryKind.Urged, null, note ?? Text.Get("Supervision.ui.urge_default"), login, userId, at));
        await notifier.ToUnitAdminsAsync(task.OrgUnitId, new Notice(
            Text.Get("Supervision.notice.urged.title"), Text.Get("Supervision.notice.urged.body", task.Title, Text.Display(task.DueAt), task.UrgeCount), $"/supervision/tasks/{task.Id}"), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task AssignedAsync(SupervisionTask task, string? note, string login, long userId, DateTime at, CancellationToken ct)
    {
        db.Add(task);
        await db.SaveChangesAsync(ct);
        Add(task, (SupervisionEntryKind.Assigned, null, note, login, userId, at));
        await db.SaveChangesAsync(ct);
    }

    private void Add(SupervisionTask task, (SupervisionEntryKind Kind, int? Percent, string? Note, string? Login, long? UserId, DateTime At) e) =>
        db.Add(SupervisionEntry.Of(task, e.Kind, e.Percent, e.Note, e.UserId, e.Login, e.At));
}
