using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Fieldwork.Features.Sites;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>The township's or the county's inspection of a station: every item scored 0–10, with a note where it falls short.</summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.CenterAdmin + "," + Roles.InstituteAdmin + "," + Roles.Supervisor)]
public sealed class InspectModel(SiteStandardsHandler sites) : AppPageModel
{
    public SiteStandardDto Site { get; private set; } = null!;

    [BindProperty]
    public InspectInput Input { get; set; } = new();

    public sealed class InspectInput
    {
        public DateOnly? InspectedOn { get; set; }

        public string? Note { get; set; }

        public List<int?> Scores { get; set; } = [];

        public List<string?> Notes { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long orgUnitId, CancellationToken ct) => await ShowAsync(orgUnitId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long orgUnitId, CancellationToken ct)
    {
        if (await ShowAsync(orgUnitId, ct) is { } missing)
        {
            return missing;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var scores = SiteItems.All.Select((item, i) => new ItemScoreInput(item, Input.Scores.ElementAtOrDefault(i), Input.Notes.ElementAtOrDefault(i))).ToList();
        var done = await sites.InspectAsync(orgUnitId, new InspectSiteRequest(Input.InspectedOn, Input.Note, scores), ct);
        if (!done.IsSuccess)
        {
            return Refuse(done.Error!) ?? Page();
        }

        Notice = Text.Get("Fieldwork.ui.done_inspect");
        return Redirect($"/sites/{orgUnitId}");
    }

    private async Task<IActionResult?> ShowAsync(long orgUnitId, CancellationToken ct)
    {
        var site = await sites.GetAsync(orgUnitId, ct);
        if (!site.IsSuccess)
        {
            return Refuse(site.Error!) ?? NotFoundPage();
        }

        Site = site.Value;
        return null;
    }
}
