using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.ServiceItems;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>服务项目清单: admins keep the catalog of each unit of their subtree (便民服务 at the stations), with the teams that provide each item.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CatalogModel(ServiceItemsHandler items, IVolunteerDirectory volunteers, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CreateServiceItemRequest Input { get; set; } = new(null, null, TeamCategory.Convenience, []);

    public PageOf<ServiceItemDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<TeamInfo> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await items.ListAsync(new ListServiceItemsRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(i => i.OrgUnitId), ct);
        var teams = new List<TeamInfo>();
        foreach (var unit in Units.Take(60))
        {
            teams.AddRange(await volunteers.TeamsOfUnitUnscopedAsync(unit.Id, ct));
        }

        Teams = teams;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await items.CreateAsync(Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Orders.ui.item_created", result.Value.Name);
        return RedirectToPage();
    }
}
