using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Training.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.GetVolunteer;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;
using Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>
/// "我要当志愿者" and "我的志愿服务": a signed-in person registers themselves (guardian fields for
/// 14–17-year-olds; the age rule itself is the handler's) and then sees their registration.
/// </summary>
[Authorize]
public sealed class MineModel(
    GetVolunteerHandler get, RegisterVolunteerHandler register, IPeopleDirectory people, CurrentActor actor, TimeProvider clock,
    ListServiceRecordsHandler records, RecordServiceHoursHandler logHours, ITrainingRecords training) : AppPageModel
{
    /// <summary>"记录我的服务时长": pending until an admin of the unit confirms it.</summary>
    [BindProperty]
    public RecordServiceHoursRequest Log { get; set; } = new(null, null, null, null);

    /// <summary>The volunteer's latest service records (their full history is in the API).</summary>
    public IReadOnlyList<ServiceRecordDto> Records { get; private set; } = [];

    [BindProperty]
    public VolunteerInput Input { get; set; } = new();

    public VolunteerDto? Volunteer { get; private set; }

    /// <summary>培训时长: attended training sessions, shown apart from the service hours (they earn no stars).</summary>
    public TrainingTotals? Training { get; private set; }

    public bool HasPerson => actor.PersonId is not null;

    /// <summary>Shown when the person is a minor today, so the guardian's consent can be given with the form.</summary>
    public bool NeedsGuardian { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (actor.PersonId is not { } personId || Volunteer is not null)
        {
            return RedirectToPage();
        }

        var i = Input;
        var guardian = NeedsGuardian && (i.GuardianName, i.GuardianRelation, i.GuardianPhone) is not (null, null, null)
            ? new GuardianInput(i.GuardianName, i.GuardianRelation, i.GuardianPhone)
            : null;
        var result = await register.HandleAsync(new RegisterVolunteerRequest(personId, guardian, i.Skills, i.ServiceAreas, i.Availability), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["volunteer.duplicate"] = "skills" }) ?? Page();
        }

        Notice = Text.Get("Volunteers.vol.applied");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLogHoursAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Volunteer is null)
        {
            return RedirectToPage();
        }

        if (BindingFailed())
        {
            return Page();
        }

        var result = await logHours.HandleAsync(Volunteer.Id, Log, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "Log", fieldOf: new Dictionary<string, string> { ["service_record.volunteer_not_approved"] = "hours" }) ?? Page();
        }

        Notice = Text.Get("Volunteers.sr.logged");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Volunteer = await get.MineAsync(ct);
        Training = Volunteer is null ? null : await training.TotalsAsync(Volunteer.Id, ct);
        if (Volunteer is not null && (await records.ForVolunteerAsync(Volunteer.Id, new VolunteerServiceRecordsRequest { Page = 1, PageSize = 50 }, ct)) is { IsSuccess: true } page)
        {
            Records = page.Value.Items;
        }

        if (actor.PersonId is { } personId && await people.FindAsync(personId, ct) is { } person)
        {
            var today = DateOnly.FromDateTime(Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).DateTime);
            NeedsGuardian = VolunteerAge.IsMinor(person.BirthDate, today);
        }
    }
}

/// <summary>
/// The registration form, not <see cref="RegisterVolunteerRequest"/>: the person is the signed-in caller (never
/// posted), and the guardian's three fields sit flat on the form and become one guardian only for a minor.
/// </summary>
public sealed class VolunteerInput
{
    public string? Skills { get; set; }

    public string? ServiceAreas { get; set; }

    public string? Availability { get; set; }

    public string? GuardianName { get; set; }

    public string? GuardianRelation { get; set; }

    public string? GuardianPhone { get; set; }
}
