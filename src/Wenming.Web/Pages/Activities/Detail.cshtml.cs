using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.CancelEnrollment;
using Wenming.Web.Modules.Activities.Features.GetActivity;
using Wenming.Web.Modules.Activities.Features.ListEnrollments;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>One activity with its enrollment list; admins and the team's leader may take someone off the list.</summary>
[Authorize(Roles = Roles.Admins + "," + Roles.TeamLeader)]
public sealed class DetailModel(GetActivityHandler get, ListEnrollmentsHandler list, CancelEnrollmentHandler cancel, VolunteerNames volunteerNames) : AppPageModel
{
    public ActivityDto Activity { get; private set; } = null!;

    public IReadOnlyList<EnrollmentDto> Enrollments { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();

    /// <summary>A place can be given back only before the activity is under way, and never once attended.</summary>
    public bool CanCancel(EnrollmentDto e) =>
        Activity.Status is ActivityStatus.Draft or ActivityStatus.Published && e.CheckedInAt is null && !e.NoShow;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var activity = await get.HandleAsync(id, ct);
        if (!activity.IsSuccess)
        {
            return Refuse(activity.Error!, prefix: "") ?? NotFoundPage();
        }

        var enrollments = await list.HandleAsync(id, ct);
        if (!enrollments.IsSuccess)
        {
            return Refuse(enrollments.Error!, prefix: "") ?? NotFoundPage();
        }

        Activity = activity.Value;
        Enrollments = enrollments.Value;
        Names = await volunteerNames.OfAsync([.. Enrollments.Select(e => e.VolunteerId)], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long volunteerId, CancellationToken ct)
    {
        var result = await cancel.HandleAsync(id, volunteerId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Activities.act.cancelled_enrollment");
        return RedirectToPage(new { id });
    }
}
