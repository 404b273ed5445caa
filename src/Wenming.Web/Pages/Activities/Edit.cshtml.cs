using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.UpdateActivity;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// Edits an activity after creation, through the same handler as <c>PUT /api/v1/activities/{id}</c>. The form
/// shows only what the state lets change; the sign-up start and the waiting list keep their values.
/// </summary>
[Authorize]
public sealed class EditModel(ActivityAccess access, UpdateActivityHandler update) : AppPageModel
{
    public ActivityDto Activity { get; private set; } = null!;

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public bool TimesLocked => Activity.Status == ActivityStatus.Ongoing;

    public sealed class EditInput
    {
        public string? Title { get; set; }

        public ActivityCategory? Category { get; set; }

        public string? Place { get; set; }

        /// <summary>China time as typed into a datetime-local input.</summary>
        [DataType(DataType.DateTime)]
        public DateTime? StartsAt { get; set; }

        [DataType(DataType.DateTime)]
        public DateTime? EndsAt { get; set; }

        public int? Capacity { get; set; }

        [DataType(DataType.DateTime)]
        public DateTime? SignUpEndsAt { get; set; }

        public string? Description { get; set; }

        public string? RecruitmentConditions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var a = Activity;
        Input = new EditInput
        {
            Title = a.Title,
            Category = a.Category,
            Place = a.Place,
            StartsAt = a.StartsAt.DateTime,
            EndsAt = a.EndsAt.DateTime,
            Capacity = a.Capacity,
            SignUpEndsAt = a.SignUpEndsAt?.DateTime,
            Description = a.Description,
            RecruitmentConditions = a.RecruitmentConditions,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var (a, i) = (Activity, Input);
        // Fields the form does not show while under way keep their values, so the state rule is not tripped by a disabled input.
        var result = await update.HandleAsync(id, new UpdateActivityRequest(
            i.Title, TimesLocked ? a.Category : i.Category, i.Place, TimesLocked ? a.StartsAt : China(i.StartsAt), TimesLocked ? a.EndsAt : China(i.EndsAt),
            TimesLocked ? a.Capacity : i.Capacity, a.SignUpStartsAt, TimesLocked ? a.SignUpEndsAt : China(i.SignUpEndsAt), a.WaitlistCapacity,
            i.Description, i.RecruitmentConditions), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Page();
        }

        Notice = Text.Get("Activities.edit.saved", result.Value.Title);
        return RedirectToPage("/Activities/Detail", new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        // Only who may change it sees the form (a volunteer who may read the activity gets 无权访问, not a form that fails).
        var activity = await access.ManageableAsync(id, track: false, ct);
        if (!activity.IsSuccess)
        {
            return Refuse(activity.Error!, prefix: "") ?? NotFoundPage();
        }

        Activity = ActivityDto.From(activity.Value);
        return null;
    }

    private static DateTimeOffset? China(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), Text.ChinaOffset) : null;
}
