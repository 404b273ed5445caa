using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>
/// 核销 at the counter: type the code from the resident's phone, see who and what, 确认发放. The
/// lookup only reads; the handover is one conditional update, so a code is used once even with two
/// counters. Below, the station's redemptions waiting for pickup.
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CounterModel(RedemptionsHandler redemptions) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public RedemptionDto? Found { get; private set; }

    public PageOf<RedemptionDto> Waiting { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Code is not null)
        {
            var found = await redemptions.FindByCodeAsync(Code, ct);
            if (found.IsSuccess)
            {
                Found = found.Value;
            }
            else
            {
                // Not found here is an answer for the counter, not a missing page.
                ModelState.AddModelError(nameof(Code), found.Error!.Message);
            }
        }

        return await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostPickUpAsync(long id, CancellationToken ct)
    {
        var result = await redemptions.PickUpAsync(id, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return await ListAsync(ct);
        }

        Notice = Text.Get("Market.ui.handed_over", result.Value.GoodsName, result.Value.Quantity, result.Value.PersonName ?? "");
        return RedirectToPage();
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        var waiting = await redemptions.ListAsync(new ListRedemptionsRequest { Status = RedemptionStatus.Open, Page = Math.Max(1, PageNumber) }, ct);
        if (!waiting.IsSuccess)
        {
            return Refuse(waiting.Error!, prefix: "") ?? Page();
        }

        Waiting = waiting.Value;
        return Page();
    }
}
