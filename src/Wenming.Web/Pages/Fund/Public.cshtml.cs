using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fund.Features.Disclosure;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Fund;

/// <summary>
/// 基金公示: anyone, no sign-in, phone first (360 px). Totals, donations (anonymous donors as 爱心人士), projects with
/// their budgets and spending, as of now; the same figures as the public API, which hides what it must.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(DisclosureHandler disclosure) : AppPageModel
{
    public PublicFundDto Fund { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long unit, CancellationToken ct)
    {
        var result = await disclosure.PublicAsync(unit, ct);
        if (!result.IsSuccess)
        {
            return NotFoundPage();
        }

        Fund = result.Value;
        return Page();
    }
}
