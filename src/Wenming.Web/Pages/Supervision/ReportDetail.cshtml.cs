using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// One information report: its light, text and attachments; the receiving level signs for it (签收) here, the reporting
/// unit writes its follow-up (续报). The buttons follow the handler's rules, which check them again.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class ReportDetailModel(InfoReportsHandler reports, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public InfoReportFollowUpRequest Input { get; set; } = new(null);

    public InfoReportDto? Current { get; private set; }

    public bool CanRead => Current is { ReadAt: null } r && actor.IsAdmin && (actor.IsSystemAdmin || r.ToUnitId == actor.OrgUnitId);

    public bool CanFollowUp => Current is { } r && actor.IsAdmin && (actor.IsSystemAdmin || r.OrgUnitId == actor.OrgUnitId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await reports.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Current = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_read", () => reports.ReadAsync(id, ct), ct);

    public Task<IActionResult> OnPostFollowUpAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Supervision.ui.done_follow_up", () => reports.FollowUpAsync(id, Input, ct), ct);

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<Result<InfoReportDto>>> step, CancellationToken ct)
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
