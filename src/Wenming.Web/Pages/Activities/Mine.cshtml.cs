using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Features.ListMyActivities;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Activities;

/// <summary>我的活动: the activities I signed up to, upcoming first; a second tab lists the past ones with whether I attended.</summary>
[Authorize]
public sealed class MineModel(ListMyActivitiesHandler mine) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "past")]
    public bool Past { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<MyActivityDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mine.HandleAsync(Past, new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
