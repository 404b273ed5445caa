using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 信息报送: the receiving levels' inbox (what the units below reported, unread first by light), the own unit's sent
/// reports, or all of the subtree (the supervisor), filtered by light and month. The list is the handler's, so the API's
/// scope applies.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class ReportsModel(InfoReportsHandler reports, ReportCategoriesHandler categories, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "box")]
    public string? Box { get; set; }

    [BindProperty(SupportsGet = true, Name = "light")]
    public SupervisionLight? Light { get; set; }

    /// <summary>A category code of the county's list (retired ones too: old reports keep theirs).</summary>
    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "month")]
    public string? Month { get; set; }

    /// <summary>One unit and what is under it (the ledger links here per unit).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<InfoReportDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<ReportCategoryDto> Categories { get; private set; } = [];

    /// <summary>The county center edits the county's must-report categories.</summary>
    public bool CanEditCategories => actor.Has(Role.CenterAdmin);

    /// <summary>Townships and stations report upward; the county and the supervisor only receive.</summary>
    public bool CanReport => actor.Has(Role.InstituteAdmin) || actor.Has(Role.StationAdmin);

    /// <summary>A station has nobody below it: its own reports are all it has.</summary>
    public bool HasInbox => !actor.Has(Role.StationAdmin) || actor.Has(Role.InstituteAdmin) || actor.Has(Role.CenterAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Box ??= HasInbox ? "in" : "out";
        var list = await categories.ListAsync(includeRetired: true, ct);
        Categories = list.IsSuccess ? list.Value : [];
        var result = await reports.ListAsync(new ListInfoReportsRequest { OrgUnitId = Unit, Box = Box == "all" ? null : Box, Light = Light, Category = Blank(Category), Month = string.IsNullOrWhiteSpace(Month) ? null : Month, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
