using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Modules.Organization.Features.MoveOrgUnit;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Organization;

/// <summary>Moves a unit (with its subtree) under another parent, usually with a new division code.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class MoveModel(GetOrgUnitHandler units, MoveOrgUnitHandler move, IOrgDirectory orgs) : AppPageModel
{
    private static readonly Dictionary<string, string> FieldOf = new()
    {
        ["org.parent_not_found"] = "parentId",
        ["org.parent_inactive"] = "parentId",
        ["org.move_across_county"] = "parentId",
        ["org.division_code_taken"] = "divisionCode",
    };

    public OrgUnitDto Unit { get; private set; } = null!;

    public IReadOnlyList<UnitChoice> Parents { get; private set; } = [];

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        Input = new MoveInput { ParentId = Unit.ParentId, DivisionCode = Unit.DivisionCode };
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

        var result = await move.HandleAsync(id, new MoveOrgUnitRequest(Input.ParentId, Input.DivisionCode), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("Organization.org.moved", result.Value.Name);
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
        // A parent sits above the unit's own level; whether the pair may nest is the handler's call.
        Parents = (await UnitChoices.ActiveAsync(orgs, OrgLevel.City, ct)).Where(c => c.Level < Unit.Level && c.Id != Unit.Id).ToList();
        return null;
    }
}

public sealed class MoveInput
{
    public long? ParentId { get; set; }

    public string? DivisionCode { get; set; }
}
