using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Market;

/// <summary>我的兑换: the pickup code of each open redemption shown big for the counter, and 取消 until picked up.</summary>
[Authorize]
public sealed class MineModel(RedemptionsHandler redemptions) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<RedemptionDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await redemptions.MineAsync(new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var result = await redemptions.CancelAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Market.ui.cancelled", result.Value.Points);
        return RedirectToPage(new { p = PageNumber });
    }
}
