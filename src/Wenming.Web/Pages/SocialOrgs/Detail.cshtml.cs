using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features;
using Wenming.Web.Modules.SocialOrgs.Features.EndPairing;
using Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.PairVillage;
using Wenming.Web.Modules.SocialOrgs.Features.SetSocialOrgStatus;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.SocialOrgs;

/// <summary>An organization, its active pairings, and (for admins) pairing with a village or ending a pairing.</summary>
[Authorize(Roles = SocialOrgLabels.Readers)]
public sealed class DetailModel(
    GetSocialOrgHandler get, PairVillageHandler pair, EndPairingHandler end, SetSocialOrgStatusHandler status, CurrentActor actor, IOrgDirectory orgs)
    : AppPageModel
{
    public SocialOrgDto Org { get; private set; } = null!;

    [BindProperty]
    public PairingInput Pair { get; set; } = new();

    /// <summary>Villages of the caller's subtree, for the pairing form.</summary>
    public IReadOnlyList<UnitChoice> Villages { get; private set; } = [];

    public bool CanRegister => SocialOrgLabels.CanRegister(actor);

    public bool CanPair => SocialOrgLabels.CanPair(actor);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPairAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(id, ct) ?? Page();
        }

        var result = await pair.HandleAsync(id, new PairVillageRequest(Pair.VillageUnitId, Pair.StartedOn, Pair.Content), ct);
        if (!result.IsSuccess)
        {
            // A village outside the subtree cannot be chosen here; a 404 would only mean a stale form.
            return Refuse(result.Error!, prefix: "Pair") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("SocialOrgs.so.paired");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(long id, long pairingId, CancellationToken ct)
    {
        var result = await end.HandleAsync(pairingId, new EndPairingRequest(), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("SocialOrgs.so.ended");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, bool active, CancellationToken ct)
    {
        var result = await status.HandleAsync(id, active ? SocialOrgStatus.Active : SocialOrgStatus.Inactive, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("SocialOrgs.so.saved");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        Org = result.Value;
        if (CanPair)
        {
            var units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
            Villages = units.Where(u => u.Level == OrgLevel.Village).ToList();
        }

        return null;
    }
}

/// <summary>The pairing form; nullable so that only the handler's (Chinese) validation speaks.</summary>
public sealed class PairingInput
{
    public long? VillageUnitId { get; set; }

    public string? Content { get; set; }

    public DateOnly? StartedOn { get; set; }
}
