using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.SearchTeams;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers.Teams;

/// <summary>Volunteer teams of the caller's subtree.</summary>
[Authorize(Roles = Roles.Overseers + "," + Roles.TeamLeader)]
public sealed class IndexModel(SearchTeamsHandler search, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<TeamDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public bool CanCreate => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await search.HandleAsync(new SearchTeamsRequest { OrgUnitId = UnitId, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(t => t.OrgUnitId), ct);
        return Page();
    }
}
