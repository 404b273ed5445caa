using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;
using Wenming.Web.Modules.Volunteers.Features.ExportVolunteers;
using Wenming.Web.Modules.Volunteers.Features.RejectVolunteer;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>Volunteers of the caller's subtree; admins approve or reject pending registrations here.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(SearchVolunteersHandler search, ApproveVolunteerHandler approve, RejectVolunteerHandler reject, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public VolunteerStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<VolunteerDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public bool CanReview => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await search.HandleAsync(new SearchVolunteersRequest { Status = Status, OrgUnitId = UnitId, Q = Query, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(v => v.OrgUnitId), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] ExportVolunteersHandler export, CancellationToken ct) =>
        ExcelPage.File(this, await export.HandleAsync(new SearchVolunteersRequest { Status = Status, OrgUnitId = UnitId, Q = Query }, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        var result = await approve.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Volunteers.vol.approved", result.Value.Name ?? "", result.Value.VolunteerNumber ?? "");
        return RedirectToPage(new { q = Query, status = Status, unit = UnitId, p = PageNumber });
    }

    /// <summary>批量通过: the pending registrations of the page shown, after one question that says how many.</summary>
    public async Task<IActionResult> OnPostApproveAllAsync([FromServices] ApproveVolunteersHandler approveAll, [FromForm] long[] ids, CancellationToken ct)
    {
        var result = await approveAll.HandleAsync(new ApproveVolunteersRequest(ids), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        var (done, skipped) = (result.Value.Done, result.Value.Skipped);
        Notice = skipped == 0 ? Text.Get("Volunteers.vol.approved_many", done) : Text.Get("Volunteers.vol.approved_some", done, skipped);
        return RedirectToPage(new { q = Query, status = Status, unit = UnitId, p = PageNumber });
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct)
    {
        var result = await reject.HandleAsync(id, new RejectVolunteerRequest(reason), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Volunteers.vol.rejected", result.Value.Name ?? "");
        return RedirectToPage(new { q = Query, status = Status, unit = UnitId, p = PageNumber });
    }
}
