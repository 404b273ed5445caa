using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 报送信息: a township or a station reports to the level above in a must-report category, routine or urgent, with
/// photos or PDFs. The unit is always the caller's own. The handler checks everything, as for the API; a refused form
/// comes back with its messages and nothing is written.
/// </summary>
[Authorize(Roles = Roles.InstituteAdmin + "," + Roles.StationAdmin)]
public sealed class ReportNewModel(InfoReportsHandler reports, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public sealed class ReportInput
    {
        public InfoReportCategory? Category { get; set; }

        public bool Urgent { get; set; }

        public string? Title { get; set; }

        public string? Body { get; set; }
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Page();
        }

        var streams = Files.Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            var uploads = streams.Select(s => new InfoReportUpload(s.FileName, s.Stream)).ToList();
            var result = await reports.CreateAsync(new CreateInfoReportRequest(actor.OrgUnitId, Input.Category, Input.Urgent, Input.Title, Input.Body), uploads, ct);
            if (!result.IsSuccess)
            {
                return Refuse(result.Error!) ?? Page();
            }

            Notice = Text.Get("Supervision.ui.done_report");
            return RedirectToPage("/Supervision/ReportDetail", new { id = result.Value.Id });
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.Stream.DisposeAsync();
            }
        }
    }
}
