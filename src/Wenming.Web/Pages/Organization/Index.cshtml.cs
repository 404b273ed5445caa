using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Modules.Organization.Features.ListOrgUnits;
using Wenming.Web.Modules.Organization.Features.SetOrgUnitStatus;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Organization;

/// <summary>The org tree one level at a time, from the caller's bound unit down, with a search of the subtree.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(CurrentActor actor, GetOrgUnitHandler units, ListOrgUnitsHandler search, SetOrgUnitStatusHandler status) : AppPageModel
{
    public const int PageSize = 50;

    public OrgUnitDto Unit { get; private set; } = null!;

    public IReadOnlyList<OrgUnitDto> Trail { get; private set; } = [];

    public PageOf<OrgUnitDto> Children { get; private set; } = new([], 1, PageSize, 0);

    public PageOf<OrgUnitDto>? Found { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool CanEdit => actor.IsAdmin;

    /// <summary>The caller's own unit cannot be moved or deactivated by them (the handlers refuse it too).</summary>
    public bool IsOwnUnit => Unit.Id == actor.OrgUnitId;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct) =>
        ChangeStatusAsync(id, () => status.DeactivateAsync(id, ct), "Organization.org.deactivated", ct);

    public Task<IActionResult> OnPostActivateAsync(long id, CancellationToken ct) =>
        ChangeStatusAsync(id, () => status.ActivateAsync(id, ct), "Organization.org.activated", ct);

    private async Task<IActionResult> ChangeStatusAsync(long id, Func<Task<Result<OrgUnitDto>>> change, string noticeKey, CancellationToken ct)
    {
        var result = await change();
        if (result.IsSuccess)
        {
            Notice = Text.Get(noticeKey, result.Value.Name);
            return RedirectToPage(new { id });
        }

        // A refused change (children still active, own unit …) is shown on the unit's page, which is re-read as it is.
        return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(long? id, CancellationToken ct)
    {
        if ((id ?? actor.OrgUnitId) is not { } unitId)
        {
            return NotFoundPage();
        }

        var unit = await units.HandleAsync(unitId, ct);
        if (!unit.IsSuccess)
        {
            return Refuse(unit.Error!) ?? NotFoundPage();
        }

        Unit = unit.Value;
        Trail = await units.AncestorsAsync(Unit, ct);
        var children = await units.ChildrenAsync(unitId, new PageRequest { Page = Math.Max(1, PageNumber), PageSize = PageSize }, ct);
        if (children.IsSuccess)
        {
            Children = children.Value;
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var found = await search.HandleAsync(new ListOrgUnitsRequest { Q = Query, UnderId = unitId, Page = 1, PageSize = PageSize }, ct);
            if (found.IsSuccess)
            {
                Found = found.Value;
            }
        }

        return null;
    }
}
