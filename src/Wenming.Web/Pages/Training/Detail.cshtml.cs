using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Training.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Training;

/// <summary>One session for its organisers: the facts, who signed up, and 出勤 once it has begun.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class DetailModel(SessionsHandler sessions) : AppPageModel
{
    public TrainingDto Session { get; private set; } = null!;

    public IReadOnlyList<TraineeDto> Trainees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var session = await sessions.GetAsync(id, ct);
        if (!session.IsSuccess)
        {
            return Refuse(session.Error!, prefix: "") ?? NotFoundPage();
        }

        var trainees = await sessions.TraineesAsync(id, ct);
        if (!trainees.IsSuccess)
        {
            return Refuse(trainees.Error!, prefix: "") ?? NotFoundPage();
        }

        Session = session.Value;
        Trainees = trainees.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long[]? attended, CancellationToken ct)
    {
        var result = await sessions.MarkAttendanceAsync(id, new MarkAttendanceRequest(attended ?? []), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Training.ui.marked", result.Value.Count(t => t.Attended));
        return RedirectToPage(new { id });
    }
}
