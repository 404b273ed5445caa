using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Wenming.Web.Modules.Activities;
using Wenming.Web.Modules.Activities.Features.GetAttendance;
using Wenming.Web.Modules.Activities.Features.GetCheckInCode;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// The screen the organizer shows on site: the rotating QR code (an SVG of the scan page's URL) and who is
/// in. The page script asks <c>?handler=Live</c> for the next code when the current one rotates and for the
/// list every few seconds; without script the page still works by reloading.
/// </summary>
[Authorize(Roles = Roles.Admins + "," + Roles.TeamLeader)]
public sealed class CheckInCodeModel(GetCheckInCodeHandler codes, GetAttendanceHandler sheet) : AppPageModel
{
    public CheckInCodeDto Code { get; private set; } = null!;

    public AttendanceSheet Sheet { get; private set; } = null!;

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var attendance = await sheet.HandleAsync(id, ct);
        if (!attendance.IsSuccess)
        {
            return Refuse(attendance.Error!, prefix: "") ?? NotFoundPage();
        }

        Sheet = attendance.Value;
        var code = await codes.HandleAsync(id, SiteUrl.Root(Request), ct);
        if (!code.IsSuccess)
        {
            // Not open (draft, finished …): the page says so instead of showing a code nobody may use.
            return Refuse(code.Error!, prefix: "") ?? Page();
        }

        Code = code.Value;
        QrSvg = Svg(Code.Url);
        return Page();
    }

    /// <summary>The next code and the live list, for the page script.</summary>
    public async Task<IActionResult> OnGetLiveAsync(long id, CancellationToken ct)
    {
        var attendance = await sheet.HandleAsync(id, ct);
        var code = await codes.HandleAsync(id, SiteUrl.Root(Request), ct);
        if (!attendance.IsSuccess || !code.IsSuccess)
        {
            return NotFound();
        }

        var s = attendance.Value;
        return new JsonResult(new
        {
            code.Value.Url,
            code.Value.RotatesAt,
            Svg = Svg(code.Value.Url),
            Counts = Text.Get("Attendance.ui.counts", s.Rows.Count, s.CheckedIn, s.CheckedOut, s.NoShows),
            In = s.Rows.Where(r => r.Enrollment.CheckedInAt is not null).Select(r => new { r.Name, Time = ActivityLabels.Time(r.Enrollment.CheckedInAt!.Value)[11..], Out = r.Enrollment.CheckedOutAt is not null }),
        });
    }

    /// <summary>A scalable SVG (viewBox, no fixed size) so the code fills a phone or a projector alike.</summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(320, 320), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
