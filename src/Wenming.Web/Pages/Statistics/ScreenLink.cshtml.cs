using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Statistics;

/// <summary>The data screen's secret link for the center admin, who opens it on the hall's screen and replaces it when it leaked.</summary>
[Authorize]
public sealed class ScreenLinkModel(ScreenKeys keys) : AppPageModel
{
    /// <summary>The county whose screen is meant: the statistics page passes the county it shows (a system admin has none of their own).</summary>
    [BindProperty(SupportsGet = true, Name = "county")]
    public long? CountyId { get; set; }

    public ScreenKeyDto Key { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var key = await keys.GetAsync(CountyId, rotate: false, ct);
        if (!key.IsSuccess)
        {
            return Refuse(key.Error!, prefix: "") ?? NotFoundPage();
        }

        Key = key.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        var key = await keys.GetAsync(CountyId, rotate: true, ct);
        if (!key.IsSuccess)
        {
            return Refuse(key.Error!, prefix: "") ?? NotFoundPage();
        }

        Notice = Text.Get("Statistics.ui.screen_rotated");
        return RedirectToPage(new { county = CountyId });
    }
}
