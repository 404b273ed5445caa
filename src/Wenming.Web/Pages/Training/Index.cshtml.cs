using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Training.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Training;

/// <summary>
/// 志愿者培训. Admins and supervisors: the county's sessions and a new session for a unit of the admin's subtree.
/// Volunteers (360 px): their training hours, their places, and the open sessions to sign up for.
/// </summary>
[Authorize]
public sealed class IndexModel(SessionsHandler sessions, CoursesHandler courses, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public TrainingForm Input { get; set; } = new();

    public bool IsOverseer => actor.IsAdmin || actor.Has(Role.Supervisor);

    public bool IsAdmin => actor.IsAdmin;

    public PageOf<TrainingDto> Sessions { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public MyTrainingDto? Mine { get; private set; }

    public IReadOnlyList<TrainingDto> Open { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsOverseer)
        {
            var list = await sessions.ListAsync(new ListTrainingsRequest(false, Math.Max(1, PageNumber)), ct);
            if (!list.IsSuccess)
            {
                return Refuse(list.Error!, prefix: "") ?? Page();
            }

            Sessions = list.Value;
            Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
            var all = await courses.ListAsync(ct);
            Courses = all.IsSuccess ? all.Value : [];
            return Page();
        }

        var mine = await sessions.MineAsync(ct);
        Mine = mine.IsSuccess ? mine.Value : null;
        if (Mine is not null)
        {
            var open = await sessions.ListAsync(new ListTrainingsRequest(Upcoming: true, PageSize: 100), ct);
            Open = open.IsSuccess ? [.. open.Value.Items.Where(s => !s.SignedUp)] : [];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var i = Input;
        DateTimeOffset? startsAt = i.StartsAt is { } local ? new DateTimeOffset(local, Text.ChinaOffset) : null;
        var result = await sessions.CreateAsync(new CreateTrainingRequest(i.OrgUnitId, i.Title, startsAt, i.Hours, i.Trainer, i.Place, i.Capacity, i.CourseId), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Training.ui.created", result.Value.Title);
        return RedirectToPage("/Training/Detail", new { id = result.Value.Id });
    }

    public async Task<IActionResult> OnPostSignUpAsync(long id, CancellationToken ct)
    {
        var mine = await sessions.MineAsync(ct);
        if (!mine.IsSuccess)
        {
            return Refuse(mine.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        return Done(await sessions.EnrollAsync(id, new EnrollTraineeRequest(mine.Value.VolunteerId), ct), "Training.ui.signed_up") ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        var mine = await sessions.MineAsync(ct);
        if (!mine.IsSuccess)
        {
            return Refuse(mine.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        return Done(await sessions.WithdrawAsync(id, mine.Value.VolunteerId, ct), "Training.ui.withdrawn") ?? await OnGetAsync(ct);
    }

    private IActionResult? Done<T>(Result<T> result, string notice)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "");
        }

        Notice = Text.Get(notice);
        return RedirectToPage("/Training/Index");
    }
}

/// <summary>The new-session form: the start is a China local time from a datetime-local field.</summary>
public sealed class TrainingForm
{
    public long? OrgUnitId { get; set; }

    public long? CourseId { get; set; }

    public string? Title { get; set; }

    public DateTime? StartsAt { get; set; }

    public decimal? Hours { get; set; }

    public string? Trainer { get; set; }

    public string? Place { get; set; }

    public int? Capacity { get; set; } = 50;
}
