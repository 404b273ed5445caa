using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fund;

/// <summary>The application form: the requested amount in yuan as typed.</summary>
public sealed class ApplyForm
{
    public long? OrgUnitId { get; set; }

    public string? Title { get; set; }

    public string? Applicant { get; set; }

    public string? Beneficiaries { get; set; }

    public string? Description { get; set; }

    public string? BudgetLines { get; set; }

    public string? RequestedYuan { get; set; }
}

/// <summary>基金项目: the projects of the caller's subtree (a team leader's own applications), by state, and the application form.</summary>
[Authorize(Roles = Roles.Overseers + "," + Roles.TeamLeader)]
public sealed class ProjectsModel(ProjectsHandler projects, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public ProjectStatus? Status { get; set; }

    [BindProperty]
    public ApplyForm Input { get; set; } = new();

    public PageOf<ProjectDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public bool CanApply => FundAccess.RequireApplicant(actor) is null;

    public bool IsOverseer => actor.IsAdmin || actor.Has(Role.Supervisor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await projects.ListAsync(new ListProjectsRequest { Status = Status, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(p => p.OrgUnitId), ct);
        Input.OrgUnitId ??= actor.OrgUnitId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var fen = Yuan.ParseFen(Input.RequestedYuan);
        if (fen is null)
        {
            ModelState.AddModelError("Input.RequestedYuan", Text.Get("Fund.error.yuan_format"));
        }

        var result = await projects.ApplyAsync(
            new ApplyProjectRequest(Input.OrgUnitId, Input.Title, Input.Description, fen ?? 0, Input.Applicant, Input.Beneficiaries, Input.BudgetLines), ct);
        if (fen is null || !result.IsSuccess)
        {
            if (!result.IsSuccess)
            {
                Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["org.not_found"] = "orgUnitId" });
                FundPage.MoveErrors(ModelState, "Input.RequestedFen", fen is null ? null : "Input.RequestedYuan");
            }

            return await OnGetAsync(ct);
        }

        Notice = Text.Get("Fund.ui.applied", result.Value.Title);
        return RedirectToPage("/Fund/ProjectDetail", new { id = result.Value.Id });
    }
}
