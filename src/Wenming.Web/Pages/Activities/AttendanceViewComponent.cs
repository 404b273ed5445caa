using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Features.GetAttendance;

namespace Wenming.Web.Pages.Activities;

/// <summary>The attendance sheet on the activity detail page, loading its own data so the page needs one line to show it.</summary>
public sealed class AttendanceViewComponent(GetAttendanceHandler sheet) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long activityId)
    {
        var result = await sheet.HandleAsync(activityId, HttpContext.RequestAborted);
        return result.IsSuccess ? View("/Pages/Activities/_Attendance.cshtml", result.Value) : Content("");
    }
}
