using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.CheckIn;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features.GetCheckInCode;

/// <summary>
/// The code to show on site now. <c>url</c> is what the QR code holds (the scan page, absolute);
/// <c>expiresAt</c> is when the code stops being accepted, <c>rotatesAt</c> when the display should fetch the next.
/// </summary>
public sealed record CheckInCodeDto(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RotatesAt, string Url);

/// <summary>For those who run the activity (admins of its subtree, its team leader), while attendance can be taken.</summary>
public sealed class GetCheckInCodeHandler(ActivityAccess access, CheckInKeys keys, CheckInCodes codes)
{
    /// <param name="siteRoot">The site's absolute root as the organizer's browser reached it (e.g. https://wenming.example.cn), for the QR code's URL.</param>
    public async Task<Result<CheckInCodeDto>> HandleAsync(long activityId, string siteRoot, CancellationToken ct)
    {
        var found = await access.ManageableAsync(activityId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (found.Value.Status is not (ActivityStatus.Published or ActivityStatus.Ongoing))
        {
            return Error.Keyed("checkin.not_open", ErrorKind.Conflict, "Attendance.checkin.not_open");
        }

        var (token, rotatesAt, expiresAt) = codes.Current(await keys.GetOrCreateAsync(activityId, ct), activityId);
        return new CheckInCodeDto(token, expiresAt, rotatesAt, ScanUrl(siteRoot, activityId, token));
    }

    public static string ScanUrl(string siteRoot, long activityId, string token) =>
        $"{siteRoot.TrimEnd('/')}/activities/{activityId}/scan?t={Uri.EscapeDataString(token)}";
}
