using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;
using Wenming.Web.Modules.Volunteers.Features.ExportServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.ReverseServiceRecord;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>
/// Service records of the admin's subtree: pending ones to confirm or reject (the default view), and
/// confirmed ones to reverse with a reason. The page calls the same handlers as the API.
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class ServiceRecordsModel(
    ListServiceRecordsHandler list, ServiceRecordVolunteerNamesHandler volunteerNames, DecideServiceRecordHandler decide, ReverseServiceRecordHandler reverse,
    IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public ServiceRecordStatus? Status { get; set; } = ServiceRecordStatus.Pending;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>Only the records an activity's finishing made (the attendance panel links here with it).</summary>
    [BindProperty(SupportsGet = true, Name = "activity")]
    public long? ActivityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ServiceRecordPage Result { get; private set; } = new([], 1, 20, 0, 0m);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> VolunteerNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        var result = await list.ReportAsync(new ServiceRecordReportRequest { OrgUnitId = UnitId, Status = Status, From = From, To = To, Page = Math.Max(1, PageNumber), ActivityId = ActivityId }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        VolunteerNames = await volunteerNames.HandleAsync(Result.Items.Select(r => r.VolunteerId).ToList(), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] ExportServiceRecordsHandler export, CancellationToken ct) =>
        ExcelPage.File(this, await export.HandleAsync(new ServiceRecordReportRequest { OrgUnitId = UnitId, Status = Status, From = From, To = To, ActivityId = ActivityId }, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken ct) =>
        await AfterAsync(await decide.ConfirmAsync(id, ct), "Volunteers.sr.confirmed", ct);

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        await AfterAsync(await decide.RejectAsync(id, new RejectServiceRecordRequest(reason), ct), "Volunteers.sr.rejected", ct);

    public async Task<IActionResult> OnPostReverseAsync(long id, string? reason, CancellationToken ct) =>
        await AfterAsync(await reverse.HandleAsync(id, new ReverseServiceRecordRequest(reason), ct), "Volunteers.sr.reversed", ct);

    /// <summary>全部确认 for the activity in the filter, after one question that says how many.</summary>
    public async Task<IActionResult> OnPostConfirmAllAsync([FromServices] ConfirmServiceRecordsHandler confirmAll, CancellationToken ct)
    {
        var result = await confirmAll.HandleAsync(new ConfirmServiceRecordsRequest(ActivityId, null), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        var (done, skipped) = (result.Value.Done, result.Value.Skipped);
        Notice = skipped == 0 ? Text.Get("Volunteers.sr.confirmed_many", done) : Text.Get("Volunteers.sr.confirmed_some", done, skipped);
        return RedirectToPage(new { status = Status, unit = UnitId, from = From, to = To, activity = ActivityId });
    }

    private async Task<IActionResult> AfterAsync(Platform.Errors.Result<ServiceRecordDto> result, string notice, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get(notice);
        return RedirectToPage(new { status = Status, unit = UnitId, from = From, to = To, activity = ActivityId, p = PageNumber });
    }
}
