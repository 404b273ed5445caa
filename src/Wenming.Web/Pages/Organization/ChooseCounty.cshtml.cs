using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Organization;

/// <summary>
/// 选择县（区）: where a page that shows or sets one county's rules sends a caller above the counties (the system
/// admin), so they name the county instead of meeting a 404. Each county links back to the page with <c>?county=</c>.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class ChooseCountyModel(IOrgDirectory orgs) : AppPageModel
{
    /// <summary>The page to go back to (a local path; anything else falls back to the home page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Next { get; set; }

    public IReadOnlyList<OrgUnitInfo> Counties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Next is null || !Url.IsLocalUrl(Next) || Next.Contains('?', StringComparison.Ordinal))
        {
            Next = "/";
        }

        Counties = await orgs.CountiesAsync(ct);
        return Page();
    }
}
