using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 督办任务 on a department's home (issue 17, ADR 0060): the open tasks passed to the department, and the red ones among
/// them (late, or not claimed in the county's claim time). Other units follow tasks through the menu and the to-do strip.
/// </summary>
public sealed class DepartmentTasksHome(SupervisionTasksHandler tasks, CurrentActor actor, IOrgDirectory orgs) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!await orgs.IsDepartmentAdminAsync(actor, ct))
        {
            return [];
        }

        var open = await tasks.ListAsync(new ListTasksRequest { Status = SupervisionStatus.Open, PageSize = 1 }, ct);
        var red = await tasks.ListAsync(new ListTasksRequest { Light = SupervisionLight.Red, Status = SupervisionStatus.Open, PageSize = 1 }, ct);
        var redCount = red.IsSuccess ? red.Value.Total : 0;
        return
        [
            new(Text.Get("Supervision.nav.tasks"), 16,
            [
                new(Text.Get("Supervision.home.dept_open"), "/supervision/tasks?status=Open", Count: open.IsSuccess ? open.Value.Total : 0, TestId: "todo-dept-tasks"),
                new(Text.Get("Supervision.home.dept_red"), "/supervision/tasks?status=Open&light=Red", Count: redCount, Alert: redCount > 0, TestId: "todo-dept-tasks-red"),
            ], "home-dept-tasks", ForDepartments: true),
        ];
    }
}
