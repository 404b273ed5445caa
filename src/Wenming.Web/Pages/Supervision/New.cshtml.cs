using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 交办任务: the county or a township picks a unit below it, a title, the requirements and a due date; the task is
/// due by the end of that day in China time (23:59:59 +08:00). The handler checks everything, as for the API.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.CenterAdmin + "," + Roles.InstituteAdmin)]
public sealed class NewModel(SupervisionTasksHandler tasks, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>The API takes an instant; a person picks a day.</summary>
    public sealed class TaskInput
    {
        public long? OrgUnitId { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public DateOnly? DueDate { get; set; }

        /// <summary>The end of the picked day in China time: "by the due date" includes all of that day.</summary>
        public DateTimeOffset? DueAt => DueDate is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)), Text.ChinaOffset) : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await tasks.AssignAsync(new AssignTaskRequest(Input.OrgUnitId, Input.Title, Input.Description, Input.DueAt), ct);
        if (!result.IsSuccess)
        {
            if (Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["supervision.unit_not_found"] = "orgUnitId" }) is { } refused)
            {
                return refused;
            }

            await LoadAsync(ct);
            return Page();
        }

        Notice = Text.Get("Supervision.ui.done_assign");
        return RedirectToPage("/Supervision/Detail", new { id = result.Value.Id });
    }

    /// <summary>Units below the caller's own (a task goes down the tree, never to oneself).</summary>
    private async Task LoadAsync(CancellationToken ct) =>
        Units = [.. (await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct)).Where(u => u.Id != actor.OrgUnitId)];
}
