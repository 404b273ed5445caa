using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 报送台账: per unit of the caller's subtree, a month's reports — how many, urgent, read, on time (green) and red — and
/// the month's reports as an Excel file. The handler scopes both.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class ReportLedgerModel(InfoReportsHandler reports, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? Month { get; set; }

    public IReadOnlyList<InfoReportLedgerRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Month = string.IsNullOrWhiteSpace(Month) ? Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month;
        var result = await reports.LedgerAsync(null, Month, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Rows = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        ExcelPage.File(this, await reports.ExportAsync(null, string.IsNullOrWhiteSpace(Month) ? null : Month, ct)) ?? await OnGetAsync(ct);
}
