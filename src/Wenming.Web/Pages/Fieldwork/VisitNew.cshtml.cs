using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// 记录走访 on a phone: the unit (a linked one or a unit below it), the date (today by default, China time), the
/// place, what was found and photos taken there. The handler checks everything as for the API; a refused form
/// comes back with its messages and nothing is written.
/// </summary>
[Authorize(Roles = Roles.Supervisor + "," + Roles.CenterAdmin)]
public sealed class VisitNewModel(LeaderLinksHandler leaders, IOrgDirectory orgs, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    public VisitInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    public sealed class VisitInput
    {
        public long? OrgUnitId { get; set; }

        public DateOnly? VisitedOn { get; set; }

        public string? Place { get; set; }

        public string? Found { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.VisitedOn = VisitMonths.ChinaToday(clock.GetUtcNow().UtcDateTime);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await ShowAsync(ct);
        }

        var streams = Photos.Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            var result = await leaders.LogAsync(
                new LogVisitRequest(Input.OrgUnitId, Input.VisitedOn, Input.Place, Input.Found), [.. streams.Select(s => new VisitPhotoUpload(s.FileName, s.Stream))], ct);
            if (!result.IsSuccess)
            {
                return Refuse(result.Error!) ?? await ShowAsync(ct);
            }

            Notice = Text.Get("Fieldwork.ui.done_visit");
            return RedirectToPage("/Fieldwork/Visit", new { id = result.Value.Id });
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.Stream.DisposeAsync();
            }
        }
    }

    /// <summary>The units the leader may visit: each linked unit and those under it, in tree order.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var links = await leaders.LinksAsync(mine: true, null, ct);
        var linkedIds = links.IsSuccess ? links.Value.Select(l => l.OrgUnitId).ToHashSet() : [];
        var visible = await orgs.VisibleUnitsAsync(ct);
        var tops = visible.Where(u => linkedIds.Contains(u.Id)).ToList();
        Units = [.. visible.Where(u => u.Status == OrgUnitStatus.Active && tops.Any(t => u.Path.StartsWith(t.Path, StringComparison.Ordinal))).OrderBy(u => u.Path, StringComparer.Ordinal)];
        return Page();
    }
}
