using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points.Awards;

/// <summary>
/// One award: who proposed it, who decided, the notice period, what the ledger applied, the evidence; and
/// the steps the viewer may take (approve or reject a proposal of someone else; withdraw an approved award
/// during its notice). The handlers decide; the page only offers what they would allow.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(ListAwardsHandler list, DecideAwardHandler decide, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    public AwardDto Award { get; private set; } = null!;

    public string? UnitName { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool CanDecide => Award.Status == AwardStatus.Proposed && Award.ProposedByUserId != actor.UserId && Award.PersonId != actor.PersonId;

    public bool IsOwnProposal => Award.Status == AwardStatus.Proposed && Award.ProposedByUserId == actor.UserId;

    public bool CanRevoke => actor.IsAdmin && Award.Status == AwardStatus.Approved && Award.NoticeEndsAt > clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await list.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!, prefix: "") ?? NotFoundPage();
        }

        Award = found.Value;
        UnitName = (await UnitChoices.NamesAsync(orgs, [Award.OrgUnitId], ct)).GetValueOrDefault(Award.OrgUnitId);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Award.ui.done_approve", () => decide.ApproveAsync(id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Award.ui.done_reject", () => decide.RejectAsync(id, new AwardReasonRequest(Reason), ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Award.ui.done_revoke", () => decide.RevokeAsync(id, new AwardReasonRequest(Reason), ct), ct);

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<Result<AwardDto>>> step, CancellationToken ct)
    {
        var result = await step();
        if (!result.IsSuccess)
        {
            // The reason's message lands next to the reason fields; refusals of the state on top.
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(done, result.Value.PersonName ?? "");
        return RedirectToPage(new { id });
    }
}
