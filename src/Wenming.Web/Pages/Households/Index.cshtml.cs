using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>
/// 家庭户: the households of the caller's subtree (filter by unit, tag, address or head), and for admins the overview
/// per village (households, contact persons, events open and overdue) the township steers by.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(HouseholdsHandler households, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public HouseholdTag? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<HouseholdDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<VillageOverviewDto> Overview { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool IsAdmin => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await households.ListAsync(new ListHouseholdsRequest { OrgUnitId = Unit, Tag = actor.IsAdmin ? Tag : null, Q = Blank(Q), Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        if (actor.IsAdmin)
        {
            var overview = await households.OverviewAsync(Unit, ct);
            Overview = overview.IsSuccess ? overview.Value : [];
        }

        return Page();
    }

    /// <summary>导出Excel of the same filter (admins only; the handler audits it).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        ExcelPage.File(this, await households.ExportAsync(new ListHouseholdsRequest { OrgUnitId = Unit, Tag = Tag, Q = Blank(Q) }, ct)) ?? await OnGetAsync(ct);
}
