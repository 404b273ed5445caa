using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Organization;

/// <summary>Adds a unit under the one being looked at; the rules (nesting, codes) are the handler's.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CreateModel(GetOrgUnitHandler units, CreateOrgUnitHandler create) : AppPageModel, IOrgUnitForm
{
    private static readonly Dictionary<string, string> FieldOf = new()
    {
        ["org.division_code_taken"] = "divisionCode",
        ["org.parent_inactive"] = "level",
    };

    public OrgUnitDto Parent { get; private set; } = null!;

    [BindProperty]
    public OrgUnitInput Input { get; set; } = new();

    /// <summary>Levels below the parent; which ones may nest under it is for the handler to say.</summary>
    public IEnumerable<OrgLevel> Levels => Enum.GetValues<OrgLevel>().Where(l => l > Parent.Level);

    public async Task<IActionResult> OnGetAsync(long parentId, CancellationToken ct)
    {
        if (await LoadAsync(parentId, ct) is { } missing)
        {
            return missing;
        }

        Input.Level = Parent.Level + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long parentId, CancellationToken ct)
    {
        if (await LoadAsync(parentId, ct) is { } missing)
        {
            return missing;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var i = Input;
        var result = await create.HandleAsync(
            new CreateOrgUnitRequest(parentId, i.Level, i.Name, Blank(i.DivisionCode), Blank(i.Address), i.Latitude, i.Longitude, Blank(i.ContactName), Blank(i.ContactPhone)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("Organization.org.created", result.Value.Name);
        return RedirectToPage("/Organization/Index", new { id = parentId });
    }

    private async Task<IActionResult?> LoadAsync(long parentId, CancellationToken ct)
    {
        var parent = await units.HandleAsync(parentId, ct);
        if (!parent.IsSuccess)
        {
            return Refuse(parent.Error!) ?? NotFoundPage();
        }

        Parent = parent.Value;
        return null;
    }
}

/// <summary>The org unit form; every field nullable so that the binder never invents English "required" messages.</summary>
public sealed class OrgUnitInput
{
    public OrgLevel? Level { get; set; }

    public string? Name { get; set; }

    public string? DivisionCode { get; set; }

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }
}

/// <summary>A page that edits an org unit's description (create and edit), for the shared form partial.</summary>
public interface IOrgUnitForm
{
    OrgUnitInput Input { get; }
}
