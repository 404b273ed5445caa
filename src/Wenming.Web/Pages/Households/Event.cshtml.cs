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

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var result = await events.VisitAsync(id, new LogVisitRequest(HouseholdsView.FromLocal(Visit.VisitedAt), Visit.Note), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, "Visit") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Households.ui.done_visit");
        return RedirectToPage(new { id });
    }
}
