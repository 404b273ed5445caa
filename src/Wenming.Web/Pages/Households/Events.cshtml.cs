using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>十必联 events of the subtree for the station and the township: overdue ones in red first, filter by unit.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class EventsModel(HouseholdEventsHandler events, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool? Open { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<HouseholdEventDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await events.ListAsync(new ListEventsRequest { OrgUnitId = Unit, Overdue = Overdue, Open = Open, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
