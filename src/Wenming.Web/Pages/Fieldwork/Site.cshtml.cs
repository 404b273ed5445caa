using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Fieldwork.Features.Sites;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// A station's site standard: each item with what the station states and its evidence photos (the station's admins
/// edit them here), the latest inspection's scores, and the history of inspections.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class SiteModel(SiteStandardsHandler sites, CurrentActor actor) : AppPageModel
{
    public SiteStandardDto Site { get; private set; } = null!;

    public bool CanKeep { get; private set; }

    public bool CanInspect { get; private set; }

    public bool CanSeeAll => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin) || actor.Has(Role.Supervisor);

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public sealed class ItemInput
    {
        public SiteItem? Item { get; set; }

        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long orgUnitId, CancellationToken ct) => await ShowAsync(orgUnitId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long orgUnitId, CancellationToken ct)
    {
        if (await ShowAsync(orgUnitId, ct) is { } missing)
        {
            return missing;
        }

        if (BindingFailed() || Input.Item is not { } item)
        {
            return Page();
        }

        var stated = await sites.StateAsync(orgUnitId, item, new StateItemRequest(Input.Note), ct);
        if (!stated.IsSuccess)
        {
            return Refuse(stated.Error!) ?? Page();
        }

        if (Photo is not null)
        {
            await using var content = Photo.OpenReadStream();
            var added = await sites.AddPhotoAsync(orgUnitId, item, new SitePhotoUpload(Photo.FileName, content), ct);
            if (!added.IsSuccess)
            {
                await ShowAsync(orgUnitId, ct);
                return Refuse(added.Error!) ?? Page();
            }
        }

        Notice = Text.Get("Fieldwork.ui.done_item");
        return Redirect($"/sites/{orgUnitId}#item-{item}");
    }

    private async Task<IActionResult?> ShowAsync(long orgUnitId, CancellationToken ct)
    {
        var site = await sites.GetAsync(orgUnitId, ct);
        if (!site.IsSuccess)
        {
            return Refuse(site.Error!) ?? NotFoundPage();
        }

        Site = site.Value;
        CanKeep = sites.CallerKeeps(orgUnitId);
        CanInspect = sites.CallerInspects && actor.OrgUnitId != orgUnitId;
        return null;
    }
}
