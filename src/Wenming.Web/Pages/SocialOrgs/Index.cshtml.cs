using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features;
using Wenming.Web.Modules.SocialOrgs.Features.SearchSocialOrgs;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.SocialOrgs;

/// <summary>The county's social organizations; "联合会成员" narrows it to the volunteer federation's list.</summary>
[Authorize(Roles = SocialOrgLabels.Readers)]
public sealed class IndexModel(SearchSocialOrgsHandler search, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public SocialOrgKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "fed")]
    public bool FederationOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<SocialOrgDto> Result { get; private set; } = new([], 1, 20, 0);

    public bool CanRegister => SocialOrgLabels.CanRegister(actor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A hand-edited query string must not become an English binder message: ignore what does not bind.
        ModelState.Clear();
        var result = await search.HandleAsync(new SearchSocialOrgsRequest { Q = Query, Kind = Kind, Federation = FederationOnly ? true : null, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
