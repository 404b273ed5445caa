using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// 包镇联村: leaders × the last six months with their lights (a township sees the leaders linked to its units), the
/// links, and for the county the form to link a leader to a township or village and to end a link.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class LeadersModel(LeaderLinksHandler leaders, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    public IReadOnlyList<LeaderOverviewRow> Rows { get; private set; } = [];

    public IReadOnlyList<LeaderLinkDto> Links { get; private set; } = [];

    public IReadOnlyList<LeaderCandidateDto> Candidates { get; private set; } = [];

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    public bool CanLink => actor.IsSystemAdmin || actor.Has(Role.CenterAdmin);

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public sealed class LinkInput
    {
        public long? LeaderUserId { get; set; }

        public long? OrgUnitId { get; set; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await ShowAsync(ct);
        }

        var linked = await leaders.LinkAsync(new LinkLeaderRequest(Input.LeaderUserId, Input.OrgUnitId), ct);
        if (!linked.IsSuccess)
        {
            return Refuse(linked.Error!, fieldOf: new Dictionary<string, string> { ["fieldwork.link_exists"] = "orgUnitId" }) ?? await ShowAsync(ct);
        }

        Notice = Text.Get("Fieldwork.ui.done_link");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(long id, CancellationToken ct)
    {
        var removed = await leaders.UnlinkAsync(id, ct);
        if (!removed.IsSuccess)
        {
            return Refuse(removed.Error!) ?? await ShowAsync(ct);
        }

        Notice = Text.Get("Fieldwork.ui.done_unlink");
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var rows = await leaders.OverviewAsync(6, ct);
        Rows = rows.IsSuccess ? rows.Value : [];
        var links = await leaders.LinksAsync(mine: false, null, ct);
        Links = links.IsSuccess ? links.Value : [];
        if (CanLink)
        {
            var candidates = await leaders.CandidatesAsync(ct);
            Candidates = candidates.IsSuccess ? candidates.Value : [];
            Units = [.. (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level is OrgLevel.Township or OrgLevel.Village && u.Status == OrgUnitStatus.Active).OrderBy(u => u.Path, StringComparer.Ordinal)];
        }

        return Page();
    }
}
