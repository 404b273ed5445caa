using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Assessment.Features.Schemes;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Assessment;

/// <summary>
/// 考评: the caller's own unit's published results first (a township or a station sees where it stands), then the schemes
/// of the caller's subtree. Both lists are the handler's, so the API's scope applies.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(AssessmentSchemesHandler schemes, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<SchemeDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<MyResultDto> Mine { get; private set; } = [];

    public bool CanCreate => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await schemes.ListAsync(new ListSchemesRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        var mine = await schemes.MineAsync(ct);
        Mine = mine.IsSuccess ? mine.Value : [];
        return Page();
    }
}
