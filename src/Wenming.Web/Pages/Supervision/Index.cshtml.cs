using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 督办任务: the tasks of the caller's subtree with their lights, filtered by light chip, unit and state; a station
/// admin ticks "交给本单位的" for their own. The list is the handler's, so the API's scope applies.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(SupervisionTasksHandler tasks, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "light")]
    public SupervisionLight? Light { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public SupervisionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<TaskDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>The county (center) and the townships assign; the page offers the button to them only.</summary>
    public bool CanAssign => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await tasks.ListAsync(new ListTasksRequest { OrgUnitId = Unit, Light = Light, Status = Status, Mine = Mine, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
