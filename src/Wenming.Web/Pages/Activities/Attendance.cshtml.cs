using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CheckIn;
using Wenming.Web.Modules.Activities.Features.FinishActivity;
using Wenming.Web.Modules.Activities.Features.GetAttendance;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// The organizer's attendance desk: manual check-in/out (optionally at an earlier time), start and finish.
/// The activity detail page shows the same sheet (<see cref="AttendanceViewComponent"/>) and posts here;
/// success goes back to the detail page, a refusal is shown here next to the form.
/// </summary>
[Authorize(Roles = Roles.Admins + "," + Roles.TeamLeader)]
public sealed class AttendanceModel(
    GetAttendanceHandler sheet, CheckInHandler checkIn, ChangeActivityStatusHandler change, FinishActivityHandler finish) : AppPageModel
{
    public AttendanceSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await sheet.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Sheet = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostCheckInAsync(long id, long volunteerId, DateTime? at, CancellationToken ct) =>
        RecordAsync(id, volunteerId, at, c => checkIn.CheckInAsync(id, new CheckInRequest(volunteerId, China(at)), c), "Attendance.ui.checked_in", ct);

    public Task<IActionResult> OnPostCheckOutAsync(long id, long volunteerId, DateTime? at, CancellationToken ct) =>
        RecordAsync(id, volunteerId, at, c => checkIn.CheckOutAsync(id, new CheckInRequest(volunteerId, China(at)), c), "Attendance.ui.checked_out", ct);

    public async Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await change.HandleAsync(id, ActivityAction.Start, ct), "Attendance.ui.started", ct);

    public async Task<IActionResult> OnPostFinishAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await finish.HandleAsync(id, ct), "Attendance.ui.finished", ct);

    /// <summary>ViewData key of the (volunteer id, typed time) of a refused manual entry, read by _Attendance.</summary>
    public const string AttemptKey = "attendance-attempt";

    private async Task<IActionResult> RecordAsync(
        long id, long volunteerId, DateTime? at, Func<CancellationToken, Task<Result<EnrollmentDto>>> record, string notice, CancellationToken ct)
    {
        // A time the browser sent that is not a date ("at" is optional, so only a malformed one lands here).
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        // Re-shown on a refusal: the row that was tried keeps the time that was typed.
        ViewData[AttemptKey] = (volunteerId, at);
        return await AfterAsync(id, await record(ct), notice, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(long id, Result<T> result, string notice, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(notice);
        return Redirect(Url.Page("/Activities/Detail", new { id }) + "#attendance");
    }

    /// <summary>China time as typed into a datetime-local input.</summary>
    private static DateTimeOffset? China(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), Text.ChinaOffset) : null;
}
