using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>A township's or village's own earning amounts, set by an admin above it while the county allows overrides.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class UnitRulesModel(PointRulesAdminHandler rules, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public long UnitId { get; set; }

    [BindProperty]
    public SetUnitPointRulesRequest Input { get; set; } = new(null, null, null, null);

    public UnitPointRulesDto Unit { get; private set; } = null!;

    /// <summary>The county the way back names: the unit's, for a caller above the counties (see <see cref="CountyPages"/>).</summary>
    public long? BackCounty { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The unit's own county for a caller above the counties (the system admin), who has none.
        if ((actor.CountyId ?? await BackCountyAsync(ct)) is not { } county)
        {
            return NotFoundPage();
        }

        BackCounty = actor.CountyId is null ? county : null;

        var result = await rules.GetAsync(county, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        if (result.Value.Units.FirstOrDefault(u => u.OrgUnitId == UnitId) is not { } unit)
        {
            return NotFoundPage();
        }

        Unit = unit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await rules.SetUnitAsync(UnitId, Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Points.ui.override_saved", result.Value.Name);
        return RedirectToPage("/Points/Rules", new { county = await BackCountyAsync(ct) });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var result = await rules.DeleteUnitAsync(UnitId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Points.ui.override_removed");
        return RedirectToPage("/Points/Rules", new { county = await BackCountyAsync(ct) });
    }

    /// <summary>For a caller above the counties, the unit's county (if they see the unit); for anyone else none.</summary>
    private async Task<long?> BackCountyAsync(CancellationToken ct) => actor.CountyId is null ? (await orgs.FindAsync(UnitId, ct))?.CountyId : null;
}
