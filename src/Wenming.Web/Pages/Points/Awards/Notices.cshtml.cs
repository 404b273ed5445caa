using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Points.Awards;

/// <summary>
/// 积分公示, phone first: the approved awards and deductions of the caller's units while their notice runs,
/// and those credited lately. Residents see their own village's, with names masked; anyone may object to
/// the station during the notice.
/// </summary>
[Authorize]
public sealed class NoticesModel(ListAwardsHandler list) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<AwardNoticeDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.NoticesAsync(new ListNoticesRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
