using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>联系点: a county leader's own links, this month's light and the last months, and their visits (a phone page).</summary>
[Authorize(Roles = Roles.Supervisor + "," + Roles.CenterAdmin)]
public sealed class MineModel(LeaderLinksHandler leaders) : AppPageModel
{
    public LeaderOverviewRow? Row { get; private set; }

    public IReadOnlyList<LeaderVisitDto> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Row = await leaders.MyRowAsync(6, ct);
        var visits = await leaders.ListAsync(new ListVisitsRequest { Mine = true, PageSize = 30 }, ct);
        Visits = visits.IsSuccess ? visits.Value.Items : [];
        return Page();
    }
}
