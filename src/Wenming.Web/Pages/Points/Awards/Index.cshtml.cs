using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points.Awards;

/// <summary>
/// 积分评议: the cadres' list of hand awards and deductions in their subtree, the approval queue first.
/// A proposal can be approved or rejected right here by anyone but its proposer (the handler enforces the
/// two-person rule again); the award's own page has the evidence and the rest.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(ListAwardsHandler list, DecideAwardHandler decide, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    public static readonly IReadOnlyList<string> Tabs = ["Proposed", "Approved", "Credited", "Rejected", "Revoked", "all"];

    [BindProperty(SupportsGet = true, Name = "view")]
    public string View { get; set; } = "Proposed";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Reason { get; set; }

    public PageOf<AwardDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    /// <summary>The two-person rule as the page offers it: no decide buttons on one's own proposals.</summary>
    public bool CanDecide(AwardDto a) => a.Status == AwardStatus.Proposed && a.ProposedByUserId != actor.UserId && a.PersonId != actor.PersonId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var status = Enum.TryParse<AwardStatus>(View, out var s) ? s : (AwardStatus?)null;
        var result = await list.ListAsync(new ListAwardsRequest { Status = status, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(a => a.OrgUnitId), ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        StepAsync("Award.ui.done_approve", () => decide.ApproveAsync(id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        StepAsync("Award.ui.done_reject", () => decide.RejectAsync(id, new AwardReasonRequest(Reason), ct), ct);

    private async Task<IActionResult> StepAsync(string done, Func<Task<Result<AwardDto>>> step, CancellationToken ct)
    {
        var result = await step();
        if (!result.IsSuccess)
        {
            // The reason's message and any refusal are shown above the list, which is shown again.
            var refused = result.Error!.Kind == ErrorKind.NotFound ? NotFoundPage() : null;
            if (refused is not null)
            {
                return refused;
            }

            ModelState.AddModelError(string.Empty, result.Error.Message);
            return await OnGetAsync(ct);
        }

        Notice = Text.Get(done, result.Value.PersonName ?? "");
        return RedirectToPage(new { view = View });
    }
}
