using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.OrderItems;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// 督办 tasks over HTTP (issue 13, RULES.md Supervision): a township assigns to its village, the village reports and
/// completes, those above urge (the unit's admins are told, each urge counted, also when many arrive at once); a
/// sibling township neither assigns to nor reads the task; lights filter the list; bad input is a 400 in Chinese
/// that changes nothing; every write is audited.
/// </summary>
public sealed class SupervisionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string DueIn(TimeSpan span) => DateTimeOffset.UtcNow.Add(span).ToOffset(TimeSpan.FromHours(8)).ToString("O");

    private Task<ApiResponse> AssignAsync(string by, long unitId, string title, TimeSpan? dueIn = null) =>
        app.As(by).PostAsync("/api/v1/supervision/tasks", new { orgUnitId = unitId, title, description = "按要求办理并上传照片", dueAt = DueIn(dueIn ?? TimeSpan.FromDays(10)) });

    private async Task<List<JsonElement>> NoticesAsync(string login, string title) =>
        [.. (await app.As(login).GetAsync("/api/v1/notifications?pageSize=100")).Expect(HttpStatusCode.OK).Items
            .Where(n => n.GetProperty("body").GetString()!.Contains(title, StringComparison.Ordinal))];

    private static List<long> Ids(ApiResponse list) => [.. list.Items.Select(t => t.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task Township_assigns_to_its_village_which_reports_and_completes_on_time_green()
    {
        var title = TestData.Name("督办环境整治");
        var created = (await AssignAsync("town1", app.Demo.Unit("village1"), title)).Expect(HttpStatusCode.Created);
        Assert.Equal("Open", created.Text("status"));
        Assert.Equal("Blue", created.Text("light"));
        Assert.Equal("蓝灯", created.Text("lightLabel"));
        Assert.Single(await NoticesAsync("village1", title));

        var id = created.Id;
        var progress = (await app.As("village1").PostAsync($"/api/v1/supervision/tasks/{id}/progress", new { percent = 40, note = "已清理主干道两侧" })).Expect(HttpStatusCode.OK);
        Assert.Equal(40, progress.Json.GetProperty("percent").GetInt32());

        // The unit answers for its task; the township above does not report for it, and the unit does not urge itself.
        (await app.As("town1").PostAsync($"/api/v1/supervision/tasks/{id}/progress", new { percent = 90, note = "代报" })).Expect(HttpStatusCode.Forbidden);
        (await app.As("village1").PostAsync($"/api/v1/supervision/tasks/{id}/urge", new { note = "自己催" })).Expect(HttpStatusCode.Forbidden);

        var done = (await app.As("village1").PostAsync($"/api/v1/supervision/tasks/{id}/complete", new { note = "已全部完成" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", done.Text("status"));
        Assert.Equal("Green", done.Text("light"));
        Assert.Equal(100, done.Json.GetProperty("percent").GetInt32());
        (await app.As("town1").PostAsync($"/api/v1/supervision/tasks/{id}/urge", new { })).ExpectProblem(HttpStatusCode.Conflict, "supervision.closed");

        // The supervisor comments on it afterwards; the timeline has every step in order.
        var commented = (await app.As("supervisor1").PostAsync($"/api/v1/supervision/tasks/{id}/comments", new { note = "完成质量好，予以通报表扬" })).Expect(HttpStatusCode.OK);
        var kinds = commented.Json.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Assigned", "Progress", "Completed", "Comment"], kinds);

        var green = (await app.As("town1").GetAsync($"/api/v1/supervision/tasks?light=Green&orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(id, Ids(green));
    }

    [DatabaseFact]
    public async Task Another_township_cannot_assign_to_or_read_the_task_nor_list_the_other_subtree()
    {
        (await AssignAsync("town2", app.Demo.Unit("village1"), TestData.Name("越权交办"))).ExpectProblem(HttpStatusCode.NotFound, "supervision.unit_not_found");
        (await AssignAsync("village1", app.Demo.Unit("village1-point"), TestData.Name("站交办"))).Expect(HttpStatusCode.Forbidden);
        (await app.As("resident1").GetAsync("/api/v1/supervision/tasks")).Expect(HttpStatusCode.Forbidden);

        var id = (await AssignAsync("town1", app.Demo.Unit("village1"), TestData.Name("本镇任务"))).Expect(HttpStatusCode.Created).Id;
        (await app.As("town2").GetAsync($"/api/v1/supervision/tasks/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.not_found");
        (await app.As("town2").PostAsync($"/api/v1/supervision/tasks/{id}/urge", new { })).ExpectProblem(HttpStatusCode.NotFound, "supervision.not_found");
        (await app.As("village2").GetAsync($"/api/v1/supervision/tasks/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.not_found");
        (await app.As("town2").GetAsync($"/api/v1/supervision/tasks?orgUnitId={app.Demo.Unit("village1")}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.unit_not_found");

        var town2Sees = await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/supervision/tasks?");
        Assert.DoesNotContain(town2Sees, t => t.GetProperty("id").GetInt64() == id);
        Assert.NotEmpty(town2Sees);
        Assert.All(town2Sees, t => Assert.NotEqual(app.Demo.Unit("township1"), t.GetProperty("assignedByUnitId").GetInt64()));

        // The county and its supervisor see it; the village sees it among its own.
        (await app.As("supervisor1").GetAsync($"/api/v1/supervision/tasks/{id}")).Expect(HttpStatusCode.OK);
        var mine = (await app.As("village1").GetAsync("/api/v1/supervision/tasks?mine=true&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(id, Ids(mine));
    }

    [DatabaseFact]
    public async Task Urges_fired_at_once_are_each_counted_once_and_each_notifies_the_units_admins()
    {
        var title = TestData.Name("催办计数");
        var id = (await AssignAsync("town1", app.Demo.Unit("village1"), title)).Expect(HttpStatusCode.Created).Id;
        var before = (await NoticesAsync("village1", title)).Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.As(i % 2 == 0 ? "town1" : "supervisor1").PostAsync($"/api/v1/supervision/tasks/{id}/urge", new { note = $"第{i}次催办" })));
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, a.ToString()));
        var landed = answers.Count(a => a.Status == HttpStatusCode.OK);
        Assert.True(landed >= 1);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Conflict), a => Assert.Equal("supervision.changed", a.Code));

        var task = (await app.As("center").GetAsync($"/api/v1/supervision/tasks/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(landed, task.Json.GetProperty("urgeCount").GetInt32());
        Assert.Equal(landed, task.Json.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Urged"));
        var urgeNotices = (await NoticesAsync("village1", title)).Count - before;
        Assert.Equal(landed, urgeNotices);
    }

    [DatabaseFact]
    public async Task Bad_input_is_a_400_with_Chinese_field_messages_and_changes_nothing()
    {
        var bad = (await app.As("town1").PostAsync("/api/v1/supervision/tasks", new { orgUnitId = app.Demo.Unit("village1"), title = " ", dueAt = DueIn(TimeSpan.FromHours(-1)) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写任务标题。", Assert.Single(bad.FieldErrors("title")));
        Assert.Equal("截止时间必须晚于现在。", Assert.Single(bad.FieldErrors("dueAt")));
        var missing = (await app.As("town1").PostAsync("/api/v1/supervision/tasks", new { title = "缺少单位和时间" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写承办单位。", Assert.Single(missing.FieldErrors("orgUnitId")));
        Assert.Equal("请填写截止时间。", Assert.Single(missing.FieldErrors("dueAt")));
        (await AssignAsync("town1", app.Demo.Unit("township1"), "交给自己")).ExpectProblem(HttpStatusCode.BadRequest, "supervision.own_unit");

        var id = (await AssignAsync("town1", app.Demo.Unit("village1"), TestData.Name("输入校验"))).Expect(HttpStatusCode.Created).Id;
        var badProgress = (await app.As("village1").PostAsync($"/api/v1/supervision/tasks/{id}/progress", new { percent = 120, note = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写说明。", Assert.Single(badProgress.FieldErrors("note")));
        Assert.Equal("完成进度须在 0 到 100 之间。", Assert.Single(badProgress.FieldErrors("percent")));
        var after = (await app.As("village1").GetAsync($"/api/v1/supervision/tasks/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, after.Json.GetProperty("percent").GetInt32());
        Assert.Single(after.Json.GetProperty("timeline").EnumerateArray());
    }

    [DatabaseFact]
    public async Task Lights_filter_the_list_overdue_open_task_is_red_and_late_done_stays_red()
    {
        var title = TestData.Name("逾期任务");
        var (overdueId, lateId) = await PastTasksAsync(title);
        var red = await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/supervision/tasks?light=Red&orgUnitId={app.Demo.Unit("village1")}&");
        Assert.Contains(red, t => t.GetProperty("id").GetInt64() == overdueId);
        Assert.Contains(red, t => t.GetProperty("id").GetInt64() == lateId);
        Assert.All(red, t => Assert.Equal("Red", t.GetProperty("light").GetString()));
        var blue = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/supervision/tasks?light=Blue&");
        Assert.DoesNotContain(blue, t => t.GetProperty("id").GetInt64() == overdueId);
        Assert.All(blue, t => Assert.Equal("Blue", t.GetProperty("light").GetString()));
        (await app.As("town1").GetAsync("/api/v1/supervision/tasks?light=Purple")).Expect(HttpStatusCode.BadRequest);

        // Urging an overdue task is what red is for.
        (await app.As("supervisor1").PostAsync($"/api/v1/supervision/tasks/{overdueId}/urge", new { note = "已逾期，请说明原因" })).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Every_write_leaves_an_audit_entry_by_its_actor()
    {
        var id = (await AssignAsync("town1", app.Demo.Unit("village1"), TestData.Name("审计督办"))).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/supervision/tasks/{id}/progress", new { percent = 30, note = "推进中" })).Expect(HttpStatusCode.OK);
        (await app.As("supervisor1").PostAsync($"/api/v1/supervision/tasks/{id}/urge", new { })).Expect(HttpStatusCode.OK);

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=SupervisionTask&entityId={id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "town1");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "supervisor1");
    }

    [DatabaseFact]
    public async Task An_order_red_for_over_a_day_becomes_one_item_of_the_parent_unit_with_jobs_racing_and_closes_when_the_order_ends()
    {
        var kit = new OrderTestKit(app);
        var orderId = await kit.SubmittedAsync();
        var now = DateTime.UtcNow;

        // Red for 23 hours: not yet an item.
        await MakeRedAsync(orderId, now.AddHours(-23));
        await OrderItemsJobAsync(now);
        Assert.Empty(await ItemsOfAsync(orderId));

        // Red for 25 hours, and four rounds (as on four nodes) at once: exactly one item, the parent township's.
        await MakeRedAsync(orderId, now.AddHours(-25));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OrderItemsJobAsync(now)));
        await OrderItemsJobAsync(now);
        var item = Assert.Single(await ItemsOfAsync(orderId));
        Assert.Equal(app.Demo.Unit("township1"), item.OrgUnitId);
        Assert.Equal(SupervisionSource.OverdueOrder, item.Source);
        Assert.Equal(SupervisionStatus.Open, item.Status);
        var seen = (await app.As("town1").GetAsync($"/api/v1/supervision/tasks/{item.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("OverdueOrder", seen.Text("source"));
        Assert.Single(await NoticesAsync("town1", $"工单 {orderId} "));
        (await app.As("town2").GetAsync($"/api/v1/supervision/tasks/{item.Id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.not_found");

        // The order ends (withdrawn by its requester): the next round closes the item.
        (await app.As("resident1").PostAsync($"/api/v1/orders/{orderId}/withdraw", new { })).Expect(HttpStatusCode.OK);
        await Task.WhenAll(OrderItemsJobAsync(now), OrderItemsJobAsync(now));
        var closed = Assert.Single(await ItemsOfAsync(orderId));
        Assert.Equal(SupervisionStatus.Completed, closed.Status);
    }

    private Task<int> OrderItemsJobAsync(DateTime nowUtc) => Jobs.RunOnceAsync<OverdueOrderItemsJob>(app.Factory.Services, nowUtc, CancellationToken.None);

    /// <summary>As the deadline job leaves an order whose step ran over: flagged, its deadline at <paramref name="deadline"/>.</summary>
    private async Task MakeRedAsync(long orderId, DateTime deadline)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<Order>().Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.DeadlineAt, deadline).SetProperty(o => o.OverdueSince, deadline.AddMinutes(1)));
    }

    private async Task<List<SupervisionTask>> ItemsOfAsync(long orderId)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<SupervisionTask>().AsNoTracking().Where(t => t.SourceOrderId == orderId).ToListAsync();
    }

    /// <summary>Tasks with their past written straight into the database (the API rightly refuses a due time already gone).</summary>
    private async Task<(long Overdue, long Late)> PastTasksAsync(string title)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var village = await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().FindUnscopedAsync(app.Demo.Unit("village1"));
        var now = DateTime.UtcNow;
        var overdue = SupervisionTask.Assign(village!.CountyId!.Value, village.Id, app.Demo.Unit("township1"), null, "town1", title, null, now.AddDays(-1), now.AddDays(-10));
        var late = SupervisionTask.Assign(village.CountyId!.Value, village.Id, app.Demo.Unit("township1"), null, "town1", title + "（逾期办结）", null, now.AddDays(-5), now.AddDays(-10));
        late.Complete(now.AddDays(-2));
        db.AddRange(overdue, late);
        await db.SaveChangesAsync();
        return (overdue.Id, late.Id);
    }
}
