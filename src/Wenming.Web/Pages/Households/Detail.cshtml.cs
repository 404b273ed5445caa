using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>The form of a 十必联 event: the time is typed in China time.</summary>
public sealed class EventInput
{
    public HouseholdEventKind? Kind { get; set; }

    public DateTime? OccurredOn { get; set; }

    public string? Description { get; set; }
}

/// <summary>The form of a visit to one event.</summary>
public sealed class VisitInput
{
    public long EventId { get; set; }

    public DateTime? VisitedAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>The station's form of the household itself: address, head (a member) and tags.</summary>
public sealed class HouseholdInput
{
    public string? Address { get; set; }

    public long? HeadPersonId { get; set; }

    public List<HouseholdTag> Tags { get; set; } = [];
}

/// <summary>
/// One household on a phone or a desk: members, contact person and (for those who may) tags; its 十必联 events with
/// their lights; the contact person or an admin logs an event and visits; the station edits the household, names the
/// contact person and moves people in and out. Every form goes to the same handler as the API.
/// </summary>
[Authorize]
public sealed class DetailModel(HouseholdsHandler households, HouseholdEventsHandler events, IHouseholdRoster roster, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    public EventInput Event { get; set; } = new();

    [BindProperty]
    public VisitInput Visit { get; set; } = new();

    [BindProperty]
    public HouseholdInput Edit { get; set; } = new();

    [BindProperty]
    public long? PersonId { get; set; }

    public HouseholdDto Current { get; private set; } = null!;

    public IReadOnlyList<HouseholdEventDto> Events { get; private set; } = [];

    /// <summary>People of the village for the station's pickers: party members (contact person) and those in no household (to move in).</summary>
    public IReadOnlyList<RosterPerson> Villagers { get; private set; } = [];

    public bool IsAdmin => actor.IsAdmin;

    public bool CanWork => actor.IsAdmin || (actor.PersonId is { } me && Current.ContactPersonId == me && !actor.Has(Role.Supervisor));

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var household = await households.GetAsync(id, ct);
        if (!household.IsSuccess)
        {
            return Refuse(household.Error!, prefix: "") ?? NotFoundPage();
        }

        Current = household.Value;
        if (CanWork)
        {
            var list = await events.ListAsync(new ListEventsRequest { HouseholdId = id, PageSize = 100 }, ct);
            Events = list.IsSuccess ? list.Value.Items : [];
        }

        if (IsAdmin)
        {
            Villagers = await roster.InUnitAsync(Current.OrgUnitId, ct);
            if (Edit.Address is null)
            {
                Edit = new HouseholdInput { Address = Current.Address, HeadPersonId = Current.HeadPersonId, Tags = [.. Current.Tags ?? []] };
            }
        }

        return Page();
    }

    public Task<IActionResult> OnPostEventAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Event", "Households.ui.done_event", async () =>
            (await events.LogAsync(id, new LogEventRequest(Event.Kind, HouseholdsView.FromLocal(Event.OccurredOn), Event.Description), ct)).Error, ct);

    /// <summary>A visit from the household page, with the phone's photos if any (the same handler as the API).</summary>
    public Task<IActionResult> OnPostVisitAsync(long id, List<IFormFile>? photos, CancellationToken ct) =>
        StepAsync(id, "Visit", "Households.ui.done_visit", async () =>
        {
            var uploads = (photos ?? []).Where(f => f.Length > 0).Select(f => new VisitPhotoUpload(f.FileName, f.OpenReadStream())).ToList();
            try
            {
                return (await events.VisitAsync(Visit.EventId, new LogVisitRequest(HouseholdsView.FromLocal(Visit.VisitedAt), Visit.Note), uploads, ct)).Error;
            }
            finally
            {
                foreach (var u in uploads)
                {
                    await u.Content.DisposeAsync();
                }
            }
        }, ct);

    public Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Edit", "Households.ui.done_saved", async () =>
            (await households.UpdateAsync(id, new UpdateHouseholdRequest(Edit.Address, Edit.HeadPersonId, [.. Edit.Tags.Select(t => t.ToString())]), ct)).Error, ct);

    public Task<IActionResult> OnPostContactAsync(long id, CancellationToken ct) =>
        StepAsync(id, "", "Households.ui.done_contact", async () => (await households.AssignContactAsync(id, new PersonRequest(PersonId), ct)).Error, ct);

    public Task<IActionResult> OnPostAddMemberAsync(long id, CancellationToken ct) =>
        StepAsync(id, "", "Households.ui.done_member", async () => (await households.AddMemberAsync(id, new PersonRequest(PersonId), ct)).Error, ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(long id, long personId, CancellationToken ct) =>
        StepAsync(id, "", "Households.ui.done_member", async () => (await households.RemoveMemberAsync(id, personId, ct)).Error, ct);

    private async Task<IActionResult> StepAsync(long id, string prefix, string done, Func<Task<Error?>> step, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        if (await step() is { } error)
        {
            if (Refuse(error, prefix) is { } refused)
            {
                return refused;
            }

            // The form comes back with the messages; nothing was changed.
            return await OnGetAsync(id, ct);
        }

        Notice = Text.Get(done);
        return RedirectToPage(new { id });
    }
}
