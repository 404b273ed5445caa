using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.CancelEnrollment;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Activities.Features.GetActivity;
using Wenming.Web.Modules.Activities.Features.ListEnrollments;
using Wenming.Web.Modules.Activities.Features.ListMyActivities;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// One activity. Those who manage it (admins, the team's leader) see the enrollment list, attendance
/// and archive; everyone else who may see it (volunteers near it, see ActivityAccess.VisibleAsync)
/// sees their own place and signs up or gives it back here, so the reminder's 查看 link leads somewhere.
/// </summary>
[Authorize]
public sealed class DetailModel(
    GetActivityHandler get, ChangeActivityStatusHandler change, ListEnrollmentsHandler list, CancelEnrollmentHandler cancel, EnrollHandler enroll, ListMyActivitiesHandler mine,
    IVolunteerDirectory volunteers, CurrentActor actor, VolunteerNames volunteerNames) : AppPageModel
{
    public ActivityDto Activity { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<EnrollmentDto> Enrollments { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Names { get; private set; } = new Dictionary<long, string>();

    /// <summary>The caller's own place in this activity, if any.</summary>
    public EnrollmentDto? Mine { get; private set; }

    public VolunteerInfo? Me { get; private set; }

    /// <summary>A place can be given back only before the activity is under way, and never once attended.</summary>
    public bool CanCancel(EnrollmentDto e) =>
        Activity.Status is ActivityStatus.Draft or ActivityStatus.Published && e.CheckedInAt is null && !e.NoShow;

    /// <summary>Signing up is open while the activity is published (the handler checks the sign-up window and places).</summary>
    public bool CanEnroll => Mine is null && Me is { IsApproved: true } && Activity.Status == ActivityStatus.Published;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var activity = await get.HandleAsync(id, ct);
        if (!activity.IsSuccess)
        {
            return Refuse(activity.Error!, prefix: "") ?? NotFoundPage();
        }

        Activity = activity.Value;
        var enrollments = await list.HandleAsync(id, ct);
        if (enrollments.IsSuccess)
        {
            CanManage = true;
            Enrollments = enrollments.Value;
            Names = await volunteerNames.OfAsync([.. Enrollments.Select(e => e.VolunteerId)], ct);
        }
        else if (enrollments.Error!.Kind is not (ErrorKind.Forbidden or ErrorKind.NotFound))
        {
            return Refuse(enrollments.Error!, prefix: "") ?? NotFoundPage();
        }

        Mine = await mine.InActivityAsync(id, ct);
        Me = actor.PersonId is { } personId ? await volunteers.FindByPersonUnscopedAsync(personId, ct) : null;
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

    public async Task<IActionResult> OnPostEnrollAsync(long id, CancellationToken ct)
    {
        if (await MyVolunteerIdAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var result = await enroll.HandleAsync(id, new EnrollRequest(me), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = ActivityLabels.Mine(result.Value.Status, result.Value.Position);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelMineAsync(long id, CancellationToken ct)
    {
        if (await MyVolunteerIdAsync(ct) is not { } me)
        {
            return Forbid();
        }

        return await OnPostRemoveAsync(id, me, ct);
    }

    /// <summary>发布 from the draft's own page (the draft says it opens for sign-up once published).</summary>
    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) => ChangeAsync(id, ActivityAction.Publish, "Activities.act.published", ct);

    public Task<IActionResult> OnPostCancelActivityAsync(long id, CancellationToken ct) => ChangeAsync(id, ActivityAction.Cancel, "Activities.act.cancelled", ct);

    private async Task<IActionResult> ChangeAsync(long id, ActivityAction action, string notice, CancellationToken ct)
    {
        var result = await change.HandleAsync(id, action, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(notice, result.Value.Title);
        return RedirectToPage(new { id });
    }

    private async Task<long?> MyVolunteerIdAsync(CancellationToken ct) =>
        actor.PersonId is { } personId && await volunteers.FindByPersonUnscopedAsync(personId, ct) is { } v ? v.Id : null;
}
