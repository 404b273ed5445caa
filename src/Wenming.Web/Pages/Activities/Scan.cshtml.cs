using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.CheckIn;
using Wenming.Web.Modules.Activities.Features.GetAttendance;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// Where the on-site QR code leads: a signed-in volunteer sees the activity and one big button, 签到 or
/// 签退 by their state, and the result. Not signed in, the cookie scheme sends them to sign in and back here
/// (the code is in the URL). The token goes with the tap, so a code that expired meanwhile asks for a new scan.
/// </summary>
[Authorize]
public sealed class ScanModel(GetAttendanceHandler attendance, CheckInHandler checkIn) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public ActivityDto Activity { get; private set; } = null!;

    public long? VolunteerId { get; private set; }

    public EnrollmentDto? Mine { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await attendance.MineAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        (Activity, VolunteerId, Mine) = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var mine = await attendance.MineAsync(id, ct);
        if (!mine.IsSuccess)
        {
            return Refuse(mine.Error!, prefix: "") ?? NotFoundPage();
        }

        var (_, volunteerId, enrollment) = mine.Value;
        if (volunteerId is not { } me)
        {
            return await OnGetAsync(id, ct);
        }

        // In when not in yet, else out: the button the volunteer saw.
        var request = new CheckInRequest(me, Token: Token);
        var checkingIn = enrollment?.CheckedInAt is null;
        var result = checkingIn ? await checkIn.CheckInAsync(id, request, ct) : await checkIn.CheckOutAsync(id, request, ct);
        if (!result.IsSuccess)
        {
            // The token's field message is the "scan again" text; show every refusal in the alert above the button.
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return await OnGetAsync(id, ct);
        }

        var at = ActivityLabels.Time((checkingIn ? result.Value.CheckedInAt : result.Value.CheckedOutAt)!.Value)[11..];
        Notice = Text.Get(checkingIn ? "Attendance.scan.in_done" : "Attendance.scan.out_done", at);
        return RedirectToPage(new { id, t = Token });
    }
}
