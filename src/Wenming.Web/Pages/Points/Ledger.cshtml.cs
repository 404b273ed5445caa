using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features.ExportLedger;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>积分台账: every movement of the cadre's subtree, filtered by unit, kind and dates; admins export it to Excel.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class LedgerModel(StatementHandler statement, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public PointKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool IsAdmin => actor.IsAdmin;

    public PageOf<PointTransactionDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    private LedgerRequest Filter(int page = 1) => new() { OrgUnitId = UnitId, Kind = Kind, From = From, To = To, Page = page };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        if (BindingFailed())
        {
            return Page();
        }

        var result = await statement.LedgerAsync(Filter(Math.Max(1, PageNumber)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] ExportLedgerHandler export, CancellationToken ct) =>
        ExcelPage.File(this, await export.HandleAsync(Filter(), ct)) ?? await OnGetAsync(ct);
}
