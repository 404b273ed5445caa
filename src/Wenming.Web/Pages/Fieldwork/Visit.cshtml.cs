using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// One visit with its photos; its leader turns a problem it found into a 督办 task of the visited unit in one step
/// (title prefilled, a due date), and is taken to the task.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class VisitModel(LeaderLinksHandler leaders, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    public LeaderVisitDto Visit { get; private set; } = null!;

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public sealed class TaskInput
    {
        public string? Title { get; set; }

        public DateOnly? DueOn { get; set; }
    }

    public bool IsLeader => LeaderLinksHandler.LeaderRoles.Any(actor.Has);

    public bool CanRaise => Visit.TaskId is null && Visit.LeaderUserId == actor.UserId;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await leaders.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!) ?? NotFoundPage();
        }

        Visit = found.Value;
        Input.Title = Text.Get("Fieldwork.ui.task_title", Visit.Place);
        Input.DueOn = DateOnly.FromDateTime(Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).DateTime).AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var found = await leaders.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!) ?? NotFoundPage();
        }

        Visit = found.Value;
        if (BindingFailed())
        {
            return Page();
        }

        // Due at the end of the chosen China day, as the task form does.
        DateTimeOffset? due = Input.DueOn is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)), Text.ChinaOffset) : null;
        var raised = await leaders.RaiseTaskAsync(id, new VisitTaskRequest(Input.Title, due), ct);
        if (!raised.IsSuccess)
        {
            return Refuse(raised.Error!, fieldOf: new Dictionary<string, string> { ["fieldwork.task_exists"] = "title" }) ?? Page();
        }

        Notice = Text.Get("Fieldwork.ui.done_task");
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/supervision/tasks/{raised.Value.TaskId}"));
    }
}
