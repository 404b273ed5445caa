using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Features.Sites;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>阵地标准: the stations of the caller's subtree with their latest inspection score (a station sees its own).</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class SitesModel(SiteStandardsHandler sites) : AppPageModel
{
    public IReadOnlyList<SiteSummaryDto> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await sites.ListAsync(null, ct);
        Sites = result.IsSuccess ? result.Value : [];
        return Page();
    }
}
