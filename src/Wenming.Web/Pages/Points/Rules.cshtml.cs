using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>
/// 积分规则: the county's rules (changed by its center admins; read by every cadre of the county) and a
/// table of what applies in each township and village, and whether it is the county's value or the unit's own.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class RulesModel(PointRulesAdminHandler rules, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    /// <summary>The county, named by a caller above the counties (see <see cref="CountyPages"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "county")]
    public long? County { get; set; }

    [BindProperty]
    public SetPointRulesRequest Input { get; set; } = new(null, null, null, null, null, null, null, null);

    public PointRulesDto Current { get; private set; } = null!;

    public bool CanEdit => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin);

    /// <summary>Admins set the overrides of units strictly below their own (the API decides; this only hides links that would be refused).</summary>
    public bool CanOverride(UnitPointRulesDto unit) => actor.IsAdmin && unit.OrgUnitId != actor.OrgUnitId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await orgs.CountyOfPageAsync(actor, County, ct) is not { } county)
        {
            return this.NoCounty(actor, NotFoundPage);
        }

        var result = await rules.GetAsync(county, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Current = result.Value;
        if (Request.Method == "GET")
        {
            var c = Current;
            Input = new SetPointRulesRequest(
                c.PerServiceHour, c.PerActivityAttended, c.PerCompletedOrder, c.OrganizerBonusPercent, c.AwardMaxPoints, c.NoticeDays, c.StarThresholds, c.UnitsMayOverride);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await orgs.CountyOfPageAsync(actor, County, ct) is not { } county)
        {
            return this.NoCounty(actor, NotFoundPage);
        }

        if (BindingFailed())
        {
            // A malformed star box is reported on the thresholds as a whole, where the message is shown.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.StarThresholds[", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
                ModelState.AddModelError("Input.StarThresholds", Text.Get("Points.error.star_thresholds", PointRulesAdminHandler.StarCount, PointRulesAdminHandler.MaxThreshold));
            }

            return await OnGetAsync(ct);
        }

        var result = await rules.SetAsync(county, Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Points.ui.rules_saved");
        return RedirectToPage(new { county = County });
    }
}
