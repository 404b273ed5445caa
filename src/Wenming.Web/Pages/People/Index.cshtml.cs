using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.SearchPeople;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.People;

/// <summary>People of the caller's subtree: search by name, mobile or a whole ID number, filter by unit.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(SearchPeopleHandler search, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<PersonDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public bool CanEdit => actor.IsAdmin;

    /// <summary>
    /// The search form posts, so a whole ID number typed into it never lands in a URL (browser history,
    /// proxy and access logs); paging links carry only name or phone searches, as an ID matches one person.
    /// </summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PageNumber = 1;
        return OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await search.HandleAsync(new SearchPeopleRequest { Q = Query, OrgUnitId = UnitId, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(p => p.OrgUnitId), ct);
        return Page();
    }
}
