using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.DispatchOrder;
using Wenming.Web.Modules.Orders.Features.FollowOrder;
using Wenming.Web.Modules.Orders.Features.GetOrder;
using Wenming.Web.Modules.Orders.Features.OrderPhotos;
using Wenming.Web.Modules.Orders.Features.ServeOrder;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>
/// One order: its facts and timeline, and the steps the viewer may take — the dispatcher (dispatch,
/// pool, reassign, escalate, reject), the team leader (claim, accept with a due date, decline with a
/// reason, report completion with who served and how long), the requester (withdraw, rate). The same
/// handlers as the API decide; the page only offers what the table allows.
/// </summary>
[Authorize]
public sealed class DetailModel(
    GetOrderHandler get, DispatchOrderHandler dispatch, ServeOrderHandler serve, FollowOrderHandler follow,
    IOrgDirectory orgs, IVolunteerDirectory volunteers, IPeopleDirectory people, OrgScope scope, OrderPhotosHandler photos, CurrentActor actor) : AppPageModel
{
    /// <summary>The county's departments the dispatcher may pass the order to (转部门, ADR 0060).</summary>
    public IReadOnlyList<OrgUnitInfo> Departments { get; private set; } = [];

    [BindProperty]
    public long? DepartmentId { get; set; }

    /// <summary>An admin of the department the order waits at, while nobody has claimed it.</summary>
    public bool CanClaimFirst => Order.AwaitsClaim && actor.IsAdmin && actor.OrgUnitId == Order.DepartmentId;

    /// <summary>The dispatcher may pass a waiting order on until a department has claimed it.</summary>
    public bool CanPassToDepartment => Viewer.IsManager && Can(OrderAction.ToDepartment) && Order.FirstHandlerUserId is null && Departments.Count > 0;

    public OrderDto Order { get; private set; } = null!;

    public OrderViewer Viewer { get; private set; } = null!;

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<TeamInfo> Teams { get; private set; } = [];

    public IReadOnlyList<(TeamMemberInfo Member, string Name)> Members { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long? TeamId { get; set; }

    [BindProperty]
    [DataType(DataType.DateTime)]
    public DateTime? DueAt { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public List<ServedInput> Served { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>Photos picked on the completion form (several at once, from the phone's camera or album).</summary>
    [BindProperty]
    public List<IFormFile> PhotoFiles { get; set; } = [];

    /// <summary>
    /// One row of the completion form per team member, not <see cref="ServedBy"/>: the row posts whether it is ticked,
    /// and only ticked rows become the served list.
    /// </summary>
    public sealed class ServedInput
    {
        public long VolunteerId { get; set; }

        public bool Checked { get; set; }

        public decimal? Hours { get; set; }
    }

    public bool Can(OrderAction action) => GetOrderHandler.CanAct(Order.Status, action);

    public bool IsLeaderOfTeam => Viewer.ServingTeams.Any(t => t.Id == Order.TeamId);

    /// <summary>The serving leader or a managing admin, while the team serves (the handler checks the same again).</summary>
    public bool CanChangePhotos => (IsLeaderOfTeam || Viewer.IsManager) && OrderPhoto.CanChange(Order.Status);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await get.WithViewerAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!, prefix: "") ?? NotFoundPage();
        }

        (Order, Viewer) = found.Value;
        var names = new Dictionary<long, string>();
        foreach (var unitId in new[] { Order.OrgUnitId, Order.HandlingUnitId, Order.DepartmentId ?? Order.OrgUnitId }.Distinct())
        {
            if (await orgs.FindUnscopedAsync(unitId, ct) is { } u)
            {
                names[unitId] = u.Name;
            }
        }

        UnitNames = names;
        if (Viewer.IsManager)
        {
            Teams = await DispatchableTeamsAsync(ct);
            Departments = [.. (await orgs.VisibleUnitsAsync(ct))
                .Where(u => u is { Level: OrgLevel.Department, Status: OrgUnitStatus.Active } && u.Id != Order.DepartmentId).OrderBy(u => u.Name, StringComparer.Ordinal)];
        }

        if (IsLeaderOfTeam && Order.TeamId is { } teamId)
        {
            var members = await volunteers.TeamMembersUnscopedAsync(teamId, ct);
            IReadOnlyDictionary<long, string> personNames;
            using (scope.Unscoped(because: Why.CrossUnitReference))
            {
                personNames = await people.NamesAsync([.. members.Select(m => m.PersonId)], ct);
            }

            Members = [.. members.Select(m => (m, personNames.TryGetValue(m.PersonId, out var n) ? n : m.VolunteerNumber ?? m.VolunteerId.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        }

        return Page();
    }

    public Task<IActionResult> OnPostDispatchAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_dispatch", () => dispatch.DispatchAsync(id, new DispatchOrderRequest(TeamId, TeamId is null ? DispatchMode.Pool : null), ct), ct);

    public Task<IActionResult> OnPostPoolAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_dispatch", () => dispatch.DispatchAsync(id, new DispatchOrderRequest(null, DispatchMode.Pool), ct), ct);

    public Task<IActionResult> OnPostReassignAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_reassign", () => dispatch.ReassignAsync(id, new DispatchOrderRequest(TeamId, TeamId is null ? DispatchMode.Pool : null), ct), ct);

    public Task<IActionResult> OnPostEscalateAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_escalate", () => dispatch.EscalateAsync(id, ct), ct);

    public Task<IActionResult> OnPostToDepartmentAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_to_department", () => dispatch.ToDepartmentAsync(id, new ToDepartmentRequest(DepartmentId), ct), ct);

    public Task<IActionResult> OnPostClaimFirstAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_claim_first", () => dispatch.ClaimFirstAsync(id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_reject", () => dispatch.RejectAsync(id, new ReasonRequest(Reason), ct), ct);

    public Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_claim", () => serve.ClaimAsync(id, new ClaimOrderRequest(null), ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_accept", () => serve.AcceptAsync(id, new AcceptOrderRequest(OrderLabels.China(DueAt)), ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_decline", () => serve.DeclineAsync(id, new ReasonRequest(Reason), ct), ct);

    public async Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken ct)
    {
        // The photos picked with the report go up first: a refused photo stops the report, so the
        // leader sees the message and the order stays open for another try.
        if (PhotoFiles.Count > 0 && await UploadPhotosAsync(id, ct) is { } refused)
        {
            return refused;
        }

        return await StepAsync(id, "Orders.ui.done_complete", () => serve.CompleteAsync(
            id, new CompleteOrderRequest(Summary, [.. Served.Where(s => s.Checked).Select(s => new ServedBy(s.VolunteerId, s.Hours))]), ct), ct);
    }

    /// <summary>Photos only, before the report (the leader may take them while serving).</summary>
    public async Task<IActionResult> OnPostPhotosAsync(long id, CancellationToken ct)
    {
        if (PhotoFiles.Count == 0)
        {
            ModelState.AddModelError(nameof(PhotoFiles), Text.Get("OrderPhotos.ui.none_picked"));
            return await OnGetAsync(id, ct);
        }

        if (await UploadPhotosAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Notice = Text.Get("OrderPhotos.ui.uploaded", PhotoFiles.Count);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(long id, long photoId, CancellationToken ct)
    {
        var result = await photos.RemoveAsync(id, photoId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("OrderPhotos.ui.removed");
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.withdrawn", () => follow.WithdrawAsync(id, ct), ct);

    public Task<IActionResult> OnPostRateAsync(long id, int stars, CancellationToken ct) =>
        StepAsync(id, "Orders.ui.done_rate", () => follow.RateAsync(id, new RateOrderRequest(stars, Comment), ct), ct);

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<Result<OrderDto>>> step, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var result = await step();
        if (!result.IsSuccess)
        {
            // Field errors land next to the inputs of this page (reason, dueAt, summary …), the rest on top.
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(done);
        return RedirectToPage(new { id });
    }

    /// <summary>Uploads the picked photos one by one; the first refusal is shown next to the picker (or as the page's answer).</summary>
    private async Task<IActionResult?> UploadPhotosAsync(long id, CancellationToken ct)
    {
        foreach (var file in PhotoFiles)
        {
            await using var content = file.OpenReadStream();
            var added = await photos.AddAsync(id, new AddOrderPhotoRequest(file.FileName, content, null), ct);
            if (!added.IsSuccess)
            {
                // The store's field is "file"; on this form the input is the picker.
                return Refuse(added.Error!, prefix: "") ?? await ShowPhotoErrorAsync(id, added.Error!, ct);
            }
        }

        return null;
    }

    private async Task<IActionResult> ShowPhotoErrorAsync(long id, Error error, CancellationToken ct)
    {
        if (ModelState.Remove("file"))
        {
            ModelState.AddModelError(nameof(PhotoFiles), error.Message);
        }

        return await OnGetAsync(id, ct);
    }

    /// <summary>Teams of the handling unit and of the units between it and the order's own unit (its village first).</summary>
    private async Task<IReadOnlyList<TeamInfo>> DispatchableTeamsAsync(CancellationToken ct)
    {
        var unit = await orgs.FindUnscopedAsync(Order.OrgUnitId, ct);
        var path = unit?.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList() ?? [];
        var from = path.IndexOf(Order.HandlingUnitId);
        var teams = new List<TeamInfo>();
        foreach (var unitId in from < 0 ? [Order.HandlingUnitId] : path[from..].AsEnumerable().Reverse())
        {
            teams.AddRange(await volunteers.TeamsOfUnitUnscopedAsync(unitId, ct));
        }

        return teams;
    }
}
