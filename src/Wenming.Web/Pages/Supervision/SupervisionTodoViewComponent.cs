using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>What the home page shows of 督办.</summary>
/// <param name="ForUnit">True: the tasks given to the caller's own unit; false: the red and yellow ones in the caller's subtree.</param>
public sealed record SupervisionTodo(bool ForUnit, IReadOnlyList<TaskDto> Tasks, int Total);

/// <summary>
/// The home page's 督办 block: a station admin's open tasks (their to-do), and for the levels above and the supervisor the
/// red and yellow tasks of their subtree (what to urge). Nothing for people who are not overseers.
/// </summary>
public sealed class SupervisionTodoViewComponent(SupervisionTasksHandler tasks, CurrentActor actor) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!NavAudience.IsOverseer(actor))
        {
            return Content(string.Empty);
        }

        var forUnit = actor.Has(Role.StationAdmin);
        var ct = HttpContext.RequestAborted;
        var lists = forUnit
            ? [await tasks.ListAsync(new ListTasksRequest { Status = SupervisionStatus.Open, Mine = true, PageSize = Shown }, ct)]
            : new[] { await tasks.ListAsync(new ListTasksRequest { Light = SupervisionLight.Red, Status = SupervisionStatus.Open, PageSize = Shown }, ct),
                      await tasks.ListAsync(new ListTasksRequest { Light = SupervisionLight.Yellow, PageSize = Shown }, ct) };
        var ok = lists.Where(l => l.IsSuccess).Select(l => l.Value).ToList();
        var items = ok.SelectMany(p => p.Items).Take(Shown).ToList();
        return View("/Pages/Supervision/_Todo.cshtml", new SupervisionTodo(forUnit, items, ok.Sum(p => p.Total)));
    }
}
