using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Features.CancelEnrollment;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Activities.Features.ListNearbyActivities;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>"附近的活动": published activities of the person's village, township and county; approved volunteers sign up here.</summary>
[Authorize]
public sealed class NearbyModel(ListNearbyActivitiesHandler nearby, EnrollHandler enroll, CancelEnrollmentHandler cancel, IVolunteerDirectory volunteers, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<NearbyActivityDto> Result { get; private set; } = new([], 1, 20, 0);

    public VolunteerInfo? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = actor.PersonId is { } personId ? await volunteers.FindByPersonUnscopedAsync(personId, ct) : null;
        var result = await nearby.HandleAsync(new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
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
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = ActivityLabels.Mine(result.Value.Status, result.Value.Position);
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        if (await MyVolunteerIdAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var result = await cancel.HandleAsync(id, me, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Activities.act.cancelled_enrollment");
        return RedirectToPage(new { p = PageNumber });
    }

    private async Task<long?> MyVolunteerIdAsync(CancellationToken ct) =>
        actor.PersonId is { } personId && await volunteers.FindByPersonUnscopedAsync(personId, ct) is { } v ? v.Id : null;
}
