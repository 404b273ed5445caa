using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Modules.Organization.Features.UpdateOrgUnit;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Organization;

/// <summary>Renames a unit or changes its address, location and contact.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class EditModel(GetOrgUnitHandler units, UpdateOrgUnitHandler update) : AppPageModel, IOrgUnitForm
{
    public OrgUnitDto Unit { get; private set; } = null!;

    [BindProperty]
    public OrgUnitInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        Input = new OrgUnitInput
        {
            Name = Unit.Name,
            Address = Unit.Address,
            Latitude = Unit.Latitude,
            Longitude = Unit.Longitude,
            ContactName = Unit.ContactName,
            ContactPhone = Unit.ContactPhone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var i = Input;
        var result = await update.HandleAsync(id, new UpdateOrgUnitRequest(
            i.Name, Blank(i.Address), i.Latitude, i.Longitude, Blank(i.ContactName), Blank(i.ContactPhone)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Page();
        }

        Notice = Text.Get("Shell.common.saved");
        return RedirectToPage("/Organization/Index", new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var unit = await units.HandleAsync(id, ct);
        if (!unit.IsSuccess)
        {
            return Refuse(unit.Error!) ?? NotFoundPage();
        }

        Unit = unit.Value;
        return null;
    }
}
