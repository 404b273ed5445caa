using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Shared;

/// <summary>
/// Pages that show or set one county's rules (点单时限, 积分规则). A caller inside a county has theirs; the system admin
/// sits above every county, so they name one (<c>?county=</c>) and without it are sent to choose. These pages had
/// answered 404 to the system admin, who reached them from the order board and the points ledger.
/// </summary>
public static class CountyPages
{
    /// <summary>The caller's own county; for a caller above the counties, the county asked for if it is one they see.</summary>
    public static async Task<long?> CountyOfPageAsync(this IOrgDirectory orgs, CurrentActor actor, long? asked, CancellationToken ct) =>
        actor.CountyId ?? (asked is { } id && await orgs.FindAsync(id, ct) is { Level: OrgLevel.County } county ? county.Id : null);

    /// <summary>No county for the page: a caller above the counties chooses one; anyone else has nothing here.</summary>
    public static IActionResult NoCounty(this PageModel page, CurrentActor actor, Func<IActionResult> notFound) =>
        actor.CountyId is null
            ? page.RedirectToPage("/Organization/ChooseCounty", new { next = page.Request.Path.Value })
            : notFound();
}
