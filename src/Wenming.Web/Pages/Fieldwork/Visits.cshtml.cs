using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>The visit log of the caller's subtree, by leader, unit and month (the handler's list, so the API's scope applies).</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class VisitsModel(LeaderLinksHandler leaders) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "leader")]
    public long? Leader { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "month")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<LeaderVisitDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await leaders.ListAsync(new ListVisitsRequest { OrgUnitId = Unit, LeaderUserId = Leader, Month = string.IsNullOrWhiteSpace(Month) ? null : Month, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
