using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.AddTeamMember;
using Wenming.Web.Modules.Volunteers.Features.GetTeam;
using Wenming.Web.Modules.Volunteers.Features.ListTeamMembers;
using Wenming.Web.Modules.Volunteers.Features.RemoveTeamMember;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers.Teams;

/// <summary>A team and its members; admins of its subtree and its leader add and remove members.</summary>
[Authorize(Roles = Roles.Overseers + "," + Roles.TeamLeader)]
public sealed class DetailModel(
    GetTeamHandler get, ListTeamMembersHandler members, AddTeamMemberHandler add, RemoveTeamMemberHandler remove,
    SearchVolunteersHandler volunteers, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TeamDto Team { get; private set; } = null!;

    public string? UnitName { get; private set; }

    public PageOf<TeamMemberDto>? Members { get; private set; }

    /// <summary>Approved volunteers an admin may pick from; a leader types a volunteer number instead.</summary>
    public IReadOnlyList<VolunteerDto> Candidates { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool IsAdmin => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(long id, long? volunteerId, string? volunteerNumber, CancellationToken ct)
    {
        var result = await add.HandleAsync(id, new AddTeamMemberRequest(volunteerId, volunteerNumber), ct);
        if (!result.IsSuccess)
        {
            if (result.Error!.Kind == ErrorKind.Forbidden)
            {
                return Forbid();
            }

            // A volunteer not found is a typing mistake here, not a missing page: show it on the form.
            ModelState.AddModelError("volunteer", result.Error.Message);
            return await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Volunteers.team.member_added", result.Value.Name ?? result.Value.VolunteerNumber ?? "");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long volunteerId, CancellationToken ct)
    {
        var result = await remove.HandleAsync(id, volunteerId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Volunteers.team.member_removed");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var team = await get.HandleAsync(id, ct);
        if (!team.IsSuccess)
        {
            return Refuse(team.Error!, prefix: "");
        }

        Team = team.Value;
        UnitName = (await UnitChoices.NamesAsync(orgs, [Team.OrgUnitId], ct)).GetValueOrDefault(Team.OrgUnitId);
        var list = await members.HandleAsync(id, new ListTeamMembersRequest { Page = Math.Max(1, PageNumber) }, ct);
        Members = list.IsSuccess ? list.Value : null;
        CanManage = actor.IsAdmin || (Members is not null && actor.Has(Role.TeamLeader));
        if (actor.IsAdmin)
        {
            var approved = await volunteers.HandleAsync(new SearchVolunteersRequest { Status = VolunteerStatus.Approved, Page = 1, PageSize = 100 }, ct);
            var taken = Members?.Items.Select(m => m.VolunteerId).ToHashSet() ?? [];
            Candidates = approved.IsSuccess ? approved.Value.Items.Where(v => !taken.Contains(v.Id)).ToList() : [];
        }

        return null;
    }
}
