using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Households;

/// <summary>One 十必联 event with its visits; a follow-up visit is logged here too.</summary>
[Authorize]
public sealed class EventModel(HouseholdEventsHandler events, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    public VisitInput Visit { get; set; } = new();

    public HouseholdEventDto Current { get; private set; } = null!;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await events.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Current = result.Value;
        return Page();
    }

    /// <summary>A visit photo for whoever may see the event (the same check as the event; 404 for the rest).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, long photoId, CancellationToken ct)
    {
        var opened = await events.OpenPhotoAsync(id, photoId, ct);
        if (!opened.IsSuccess)
        {
            return NotFoundPage();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(opened.Value.Bytes, opened.Value.Info.ContentType);
    }

    public async Task<IActionResult> OnPostAsync(long id, List<IFormFile>? photos, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var streams = (photos ?? []).Where(f => f.Length > 0).Select(f => new VisitPhotoUpload(f.FileName, f.OpenReadStream())).ToList();
        Wenming.Web.Platform.Errors.Result<HouseholdEventDto> result;
        try
        {
            result = await events.VisitAsync(id, new LogVisitRequest(HouseholdsView.FromLocal(Visit.VisitedAt), Visit.Note), streams, ct);
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.Content.DisposeAsync();
            }
        }

        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, "Visit") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Households.ui.done_visit");
        return RedirectToPage(new { id });
    }
}
