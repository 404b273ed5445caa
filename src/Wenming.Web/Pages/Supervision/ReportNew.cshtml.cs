using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
public sealed class ReportNewModel(InfoReportsHandler reports, ReportCategoriesHandler categories, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public sealed class ReportInput
    {
        public string? Category { get; set; }

        public bool Urgent { get; set; }

        public string? Title { get; set; }

        public string? Body { get; set; }
    }

    /// <summary>The county's categories in use, in its order (retired ones are not offered).</summary>
    public IReadOnlyList<ReportCategoryDto> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
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

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await categories.ListAsync(includeRetired: false, ct);
        Categories = list.IsSuccess ? list.Value : [];
    }
}
