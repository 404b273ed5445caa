using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>The new-household form: the village's people not yet in a household, as members with one head.</summary>
public sealed class NewHouseholdInput
{
    public string? Address { get; set; }

    public long? HeadPersonId { get; set; }

    public List<long> MemberPersonIds { get; set; } = [];

    public List<HouseholdTag> Tags { get; set; } = [];
}

/// <summary>建立家庭户: pick the village, then the address, the members (people of the village in no household) and the head.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class NewModel(HouseholdsHandler households, IOrgDirectory orgs, IHouseholdRoster roster) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty]
    public NewHouseholdInput Input { get; set; } = new();

    public IReadOnlyList<OrgUnitInfo> Villages { get; private set; } = [];

    public IReadOnlyList<RosterPerson> Free { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Villages = [.. (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Village && u.Status == OrgUnitStatus.Active).OrderBy(u => u.Path)];
        if (Villages.Count == 1)
        {
            Unit ??= Villages[0].Id;
        }

        if (Unit is { } unit && Villages.Any(v => v.Id == unit))
        {
            Free = [.. (await roster.InUnitAsync(unit, ct)).Where(p => p.HouseholdId is null)];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await households.CreateAsync(
            new CreateHouseholdRequest(Unit, Input.Address, Input.HeadPersonId, Input.MemberPersonIds, [.. Input.Tags.Select(t => t.ToString())]), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["household.unit_not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Households.ui.done_created");
        return RedirectToPage("/Households/Detail", new { id = result.Value.Id });
    }
}
