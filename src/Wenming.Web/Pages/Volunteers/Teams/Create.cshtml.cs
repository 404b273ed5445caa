using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.CreateTeam;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers.Teams;

/// <summary>An admin sets up a team; the leader is chosen among the approved volunteers of their subtree.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CreateModel(CreateTeamHandler create, SearchVolunteersHandler volunteers, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty]
    public CreateTeamRequest Input { get; set; } = new(null, null, null, null);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<VolunteerDto> Leaders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Units.Count == 1)
        {
            Input = Input with { OrgUnitId = Units[0].Id };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (BindingFailed())
        {
            return Page();
        }

        var result = await create.HandleAsync(Input, ct);
        if (!result.IsSuccess)
        {
            var fieldOf = new Dictionary<string, string>
            {
                ["org.not_found"] = "orgUnitId",
                ["volunteer.not_found"] = "leaderVolunteerId",
                ["team.volunteer_not_approved"] = "leaderVolunteerId",
            };
            return Refuse(result.Error!, fieldOf: fieldOf) ?? Page();
        }

        Notice = Text.Get("Volunteers.team.created", result.Value.Name);
        return RedirectToPage("/Volunteers/Teams/Detail", new { id = result.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var approved = await volunteers.HandleAsync(new SearchVolunteersRequest { Status = VolunteerStatus.Approved, Page = 1, PageSize = 100 }, ct);
        Leaders = approved.IsSuccess ? approved.Value.Items : [];
    }
}
