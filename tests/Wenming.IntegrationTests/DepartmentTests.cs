using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// Departments and 首办责任制 (issue 17, ADR 0060) on both databases: the county creates a department with its
/// admins and team; a department admin sees only its own rows and a township's admin none of them; an order
/// passed to a department (转部门) gets exactly one first handler when several admins claim at once, turns red
/// when the claim time passes and keeps its first handler until it is done; the same for supervision tasks;
/// departments never show up in rankings.
/// </summary>
public sealed class DepartmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly OrderTestKit _kit = new(app);

    private sealed record Department(long Id, IReadOnlyList<string> Admins);

    /// <summary>A new department of the demo county with <paramref name="admins"/> admin accounts.</summary>
    private async Task<Department> DepartmentAsync(int admins = 1)
    {
        var id = (await app.As("center").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Department", name = TestData.Name("云溪县测试局") }))
            .Expect(HttpStatusCode.Created).Id;
        var logins = new List<string>();
        for (var i = 0; i < admins; i++)
        {
            var login = TestData.Login("dept");
            (await app.As("center").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "部门管理员" + i, role = "InstituteAdmin", orgUnitId = id }))
                .Expect(HttpStatusCode.Created);
            logins.Add(login);
        }

        return new Department(id, logins);
    }

    private ApiClient As(string login) => app.As(login, TestData.StrongPassword);

    private async Task<long> PassedAsync(Department department)
    {
        var id = await _kit.SubmittedAsync();
        var passed = (await app.As("center").PostAsync($"/api/v1/orders/{id}/department", new { departmentId = department.Id })).Expect(HttpStatusCode.OK);
        Assert.True(passed.Json.GetProperty("awaitsClaim").GetBoolean());
        Assert.Equal(department.Id, passed.Number("handlingUnitId"));
        return id;
    }

    private static List<long> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task County_creates_a_department_with_admin_and_team_which_only_its_admin_and_the_county_see()
    {
        // No division code for a department, and only right under a county.
        (await app.As("center").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Department", name = "带代码的局", divisionCode = "339901999000" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "org.division_code_not_for_departments");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.As("center").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("township1"), level = "Department", name = "镇里的局" })).Status);
        var department = await DepartmentAsync();
        var other = await DepartmentAsync();
        var leader = await _kit.ApprovedVolunteerAsync("village1");
        var team = (await app.As("center").PostAsync("/api/v1/teams", new { orgUnitId = department.Id, name = TestData.Name("部门志愿服务队"), category = "Health", leaderVolunteerId = leader }))
            .Expect(HttpStatusCode.Created).Id;

        var admin = As(department.Admins[0]);
        var units = Ids(await DemoMap.AllItemsAsync(admin, "/api/v1/org-units?"));
        Assert.Equal([department.Id], units);
        Assert.Contains(team, Ids(await DemoMap.AllItemsAsync(admin, "/api/v1/teams?")));
        Assert.DoesNotContain(team, Ids(await DemoMap.AllItemsAsync(As(other.Admins[0]), "/api/v1/teams?")));
        // A township's admin sees neither the department nor its team.
        (await app.As("town1").GetAsync($"/api/v1/org-units/{department.Id}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        Assert.DoesNotContain(team, Ids(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/teams?")));
        Assert.DoesNotContain(department.Id, Ids(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/org-units?")));
        Assert.Contains(department.Id, Ids(await DemoMap.AllItemsAsync(app.As("center"), "/api/v1/org-units?")));
    }

    [DatabaseFact]
    public async Task Many_admins_claiming_at_once_give_exactly_one_first_handler_who_stays_until_the_order_is_done()
    {
        var department = await DepartmentAsync(admins: 4);
        var other = await DepartmentAsync();
        var id = await PassedAsync(department);

        // The department's board has it; another department's and another township's do not.
        Assert.Contains(id, Ids(await DemoMap.AllItemsAsync(As(department.Admins[0]), "/api/v1/orders/board?awaitsClaim=true&")));
        Assert.DoesNotContain(id, Ids(await DemoMap.AllItemsAsync(As(other.Admins[0]), "/api/v1/orders/board?")));
        Assert.DoesNotContain(id, Ids(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/orders/board?")));
        (await As(other.Admins[0]).GetAsync($"/api/v1/orders/{id}")).ExpectProblem(HttpStatusCode.NotFound, "order.not_found");
        // The county does not claim for the department; nobody dispatches before the claim.
        (await app.As("center").PostAsync($"/api/v1/orders/{id}/first-handler")).ExpectProblem(HttpStatusCode.Forbidden, "order.not_department_admin");
        (await As(department.Admins[0]).PostAsync($"/api/v1/orders/{id}/dispatch", new { mode = "Pool" })).ExpectProblem(HttpStatusCode.Conflict, "order.claim_first");

        foreach (var login in department.Admins)
        {
            await app.TokenAsync(login, TestData.StrongPassword);
        }

        var answers = await Task.WhenAll(department.Admins.Concat(department.Admins).Select(l => As(l).PostAsync($"/api/v1/orders/{id}/first-handler")));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            a.ExpectProblem(HttpStatusCode.Conflict, "order.already_claimed");
            Assert.Contains("认领", a.Json.GetProperty("detail").GetString() ?? a.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        });
        var handler = winner.Number("firstHandlerUserId");
        var handlerName = winner.Text("firstHandlerName");
        var order = (await _kit.GetAsync(id)).Expect(HttpStatusCode.OK);
        Assert.Single(OrderTestKit.History(order), h => h.GetProperty("action").GetString() == "FirstClaim");
        Assert.False(order.Json.GetProperty("awaitsClaim").GetBoolean());
        // Claimed: no passing it on to another department.
        (await app.As("center").PostAsync($"/api/v1/orders/{id}/department", new { departmentId = other.Id })).ExpectProblem(HttpStatusCode.Conflict, "order.already_claimed");

        // The department sends it to its own team; the team serves; the first handler stays through every step.
        var leaderVolunteer = await _kit.ApprovedVolunteerAsync("village1");
        var personId = (await app.Admin.GetAsync($"/api/v1/volunteers/{leaderVolunteer}")).Expect(HttpStatusCode.OK).Number("personId");
        var leaderLogin = TestData.Login("leader");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login = leaderLogin, password = TestData.StrongPassword, displayName = "部门队长", role = "TeamLeader", orgUnitId = department.Id, personId }))
            .Expect(HttpStatusCode.Created);
        var team = (await app.As("center").PostAsync("/api/v1/teams", new { orgUnitId = department.Id, name = TestData.Name("部门服务队"), category = "Health", leaderVolunteerId = leaderVolunteer }))
            .Expect(HttpStatusCode.Created).Id;
        var member = await _kit.ApprovedVolunteerAsync("village1");
        (await app.Admin.PostAsync($"/api/v1/teams/{team}/members", new { volunteerId = member })).Expect(HttpStatusCode.Created);
        var handlerLogin = "";
        foreach (var login in department.Admins)
        {
            if ((await As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("userId") == handler)
            {
                handlerLogin = login;
            }
        }

        (await As(handlerLogin).PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team })).Expect(HttpStatusCode.OK);
        (await As(leaderLogin).PostAsync($"/api/v1/orders/{id}/accept")).Expect(HttpStatusCode.OK);
        var done = (await As(leaderLogin).PostAsync($"/api/v1/orders/{id}/complete", new { summary = "已上门体检", servedBy = new[] { new { volunteerId = member, hours = 2m } } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", done.Text("status"));
        Assert.Equal(handler, done.Number("firstHandlerUserId"));
        Assert.Equal(handlerName, done.Text("firstHandlerName"));
        Assert.Contains(id, Ids(await DemoMap.AllItemsAsync(As(handlerLogin), "/api/v1/orders/board?open=false&firstHandledByMe=true&")));
    }

    [DatabaseFact]
    public async Task An_unclaimed_order_turns_red_one_moment_after_the_claim_time_not_before()
    {
        var department = await DepartmentAsync();
        var before = DateTime.UtcNow;
        var id = await PassedAsync(department);

        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == id);
        var deadline = order.DeadlineAt!.Value;
        // The county's default claim time (24 h), counted from the 转部门 step.
        Assert.InRange(deadline, before.AddHours(24).AddSeconds(-5), DateTime.UtcNow.AddHours(24).AddSeconds(5));
        Assert.NotEqual(OrderLight.Red, order.LightAt(deadline.AddSeconds(-1)));
        Assert.Equal(OrderLight.Red, order.LightAt(deadline.AddSeconds(1)));
        Assert.Equal(OrderLight.Blue, order.LightAt(order.StepStartedAt.AddHours(1)));

        // Claimed in time: the step is dispatch now, with its own deadline; the claim deadline no longer counts.
        (await As(department.Admins[0]).PostAsync($"/api/v1/orders/{id}/first-handler")).Expect(HttpStatusCode.OK);
        var claimed = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.True(claimed.StepStartedAt >= order.StepStartedAt);
        Assert.True(claimed.DeadlineAt > deadline.AddSeconds(-1));
        var dispatchBy = claimed.DeadlineAt!.Value;
        Assert.NotEqual(OrderLight.Red, claimed.LightAt(dispatchBy.AddSeconds(-1)));
        Assert.Equal(OrderLight.Red, claimed.LightAt(dispatchBy.AddSeconds(1)));
    }

    [DatabaseFact]
    public async Task A_supervision_task_for_a_department_gets_one_first_handler_and_is_red_once_its_claim_time_passed()
    {
        var department = await DepartmentAsync(admins: 3);
        var title = TestData.Name("督办部门任务");
        var task = (await app.As("center").PostAsync("/api/v1/supervision/tasks", new { orgUnitId = department.Id, title, dueAt = DateTimeOffset.UtcNow.AddDays(10).ToString("O") }))
            .Expect(HttpStatusCode.Created);
        var id = task.Id;
        Assert.True(task.Json.GetProperty("awaitsClaim").GetBoolean());
        // A township's admin does not see it; the department's does.
        (await app.As("town1").GetAsync($"/api/v1/supervision/tasks/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.not_found");
        Assert.Contains(id, Ids((await As(department.Admins[0]).GetAsync("/api/v1/supervision/tasks?mine=true&pageSize=100")).Expect(HttpStatusCode.OK).Items));

        // Past the claim time, unclaimed: red in the row and in the light filter (both databases compare the same columns).
        using (var scope = app.Factory.Services.CreateScope())
        {
            using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Set<SupervisionTask>().AsNoTracking().SingleAsync(t => t.Id == id);
            var claimDue = row.ClaimDueAt!.Value;
            Assert.NotEqual(SupervisionLight.Red, row.LightAt(claimDue.AddSeconds(-1)));
            Assert.Equal(SupervisionLight.Red, row.LightAt(claimDue.AddSeconds(1)));
            var tasks = db.Set<SupervisionTask>().Where(t => t.Id == id);
            Assert.True(await SupervisionTasksHandler.WithLight(tasks, SupervisionLight.Red, claimDue.AddSeconds(1)).AnyAsync());
            Assert.False(await SupervisionTasksHandler.WithLight(tasks, SupervisionLight.Blue, claimDue.AddSeconds(1)).AnyAsync());
            Assert.True(await SupervisionTasksHandler.WithLight(tasks, SupervisionLight.Blue, claimDue.AddMinutes(-1)).AnyAsync());
        }

        (await app.As("center").PostAsync($"/api/v1/supervision/tasks/{id}/first-handler")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        foreach (var login in department.Admins)
        {
            await app.TokenAsync(login, TestData.StrongPassword);
        }

        var answers = await Task.WhenAll(department.Admins.Concat(department.Admins).Select(l => As(l).PostAsync($"/api/v1/supervision/tasks/{id}/first-handler")));
        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "supervision.already_claimed"));
        var after = (await app.As("center").GetAsync($"/api/v1/supervision/tasks/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(winner.Text("firstHandlerLogin"), after.Text("firstHandlerLogin"));
        Assert.False(after.Json.GetProperty("awaitsClaim").GetBoolean());
        Assert.Single(after.Json.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Claimed");
    }

    [DatabaseFact]
    public async Task Departments_are_not_ranked_nor_counted_as_townships()
    {
        var department = await DepartmentAsync();
        var ranking = (await app.As("center").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("county")}&indicator=hours&from=2026-03-01&to=2026-03-31"))
            .Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ranking.Body, StringComparison.Ordinal);
        var townships = (await app.As("center").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("county")}&level=Township&indicator=hours&from=2026-03-01&to=2026-03-31"))
            .Expect(HttpStatusCode.OK);
        Assert.Contains("桃源镇", townships.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("测试局", townships.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("测试局", ranking.Body, StringComparison.Ordinal);
    }
}
