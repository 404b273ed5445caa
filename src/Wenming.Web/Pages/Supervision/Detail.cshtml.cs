using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// One 督办 task: its light, progress and timeline; the unit's admins report progress and complete it here, those
/// above urge and comment. The buttons follow the handler's rules, which check them again.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(SupervisionTasksHandler tasks, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public TaskNoteRequest Input { get; set; } = new(null, null);

    public TaskDto? Current { get; private set; }

    public bool CanReport => Current is { Status: Modules.Supervision.Domain.SupervisionStatus.Open } t
        && (actor.IsSystemAdmin || (actor.IsAdmin && t.OrgUnitId == actor.OrgUnitId));

    /// <summary>A department's admin, while its task awaits a first handler (ADR 0060).</summary>
    public bool CanClaim => Current is { AwaitsClaim: true } t && actor.IsAdmin && t.OrgUnitId == actor.OrgUnitId;

    public bool CanUrge => Current is { Status: Modules.Supervision.Domain.SupervisionStatus.Open } && CanComment;

    public bool CanComment => Current is { } t && (actor.IsSystemAdmin || t.OrgUnitId != actor.OrgUnitId || actor.Has(Role.Supervisor));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await tasks.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Current = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostProgressAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_progress", () => tasks.ProgressAsync(id, Input, ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_complete", () => tasks.CompleteAsync(id, Input, ct), ct);

    public Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_claim", () => tasks.ClaimAsync(id, ct), ct);

    public Task<IActionResult> OnPostUrgeAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_urge", () => tasks.UrgeAsync(id, Input, ct), ct);

    public Task<IActionResult> OnPostCommentAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_comment", () => tasks.CommentAsync(id, Input, ct), ct);

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<Result<TaskDto>>> step, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var result = await step();
        if (!result.IsSuccess)
        {
            if (Refuse(result.Error!) is { } refused)
            {
                return refused;
            }

            // The form comes back with the messages; nothing was changed.
            return await OnGetAsync(id, ct);
        }

        Notice = Text.Get(done);
        return RedirectToPage(new { id });
    }
}
