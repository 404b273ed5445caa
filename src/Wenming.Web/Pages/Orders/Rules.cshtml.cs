using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features.DeadlineRules;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>点单时限: the county's time limits, changed by its center admins (RULES.md gives the defaults).</summary>
[Authorize(Roles = "SystemAdmin,CenterAdmin")]
public sealed class RulesModel(DeadlineRulesHandler rules, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    /// <summary>The county, named by a caller above the counties (see <see cref="CountyPages"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "county")]
    public long? County { get; set; }

    [BindProperty]
    public SetDeadlineRulesRequest Input { get; set; } = new(null, null, null, null);

    public DeadlineRulesDto? Current { get; private set; }

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
            Input = new SetDeadlineRulesRequest(Current.DispatchHours, Current.AcceptHours, Current.CompleteDays, Current.AutoCloseDays, Current.ClaimHours);
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
            return await OnGetAsync(ct);
        }

        var result = await rules.SetAsync(county, Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Orders.ui.rules_saved");
        return RedirectToPage(new { county = County });
    }
}
