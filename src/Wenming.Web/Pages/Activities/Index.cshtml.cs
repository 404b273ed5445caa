using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.ExportActivities;
using Wenming.Web.Modules.Activities.Features.SearchActivities;
using Wenming.Web.Modules.Activities.Features.Series;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>Activities of the caller's subtree: admins create, publish and cancel them here (same handlers as the API).</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class IndexModel(
    SearchActivitiesHandler search, CreateActivityHandler create, ActivitySeriesHandler series, ChangeActivityStatusHandler change, IOrgDirectory orgs, IVenueBookings venues) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public ActivityStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    // Bound on GET too, so the practice calendar can open the form prefilled with a date (issue 17).
    [BindProperty(SupportsGet = true)]
    public CreateInput Input { get; set; } = new();

    public PageOf<ActivityDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    /// <summary>The county's venues a series may book for every occurrence (ADR 0063).</summary>
    public IReadOnlyList<VenueChoice> Venues { get; private set; } = [];

    public sealed class CreateInput
    {
        public long? OrgUnitId { get; set; }

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

        /// <summary>The venue booking the activity takes its place from (the booking's 用此预订创建活动 link).</summary>
        public long? BookingId { get; set; }

        public RecurrenceInput Recurrence { get; set; } = new();
    }

    /// <summary>Left at 不重复, the form makes one activity; with a rule, a series (ADR 0058).</summary>
    public sealed class RecurrenceInput
    {
        public RecurrenceFrequency? Frequency { get; set; }

        public int? Interval { get; set; }

        public int[]? DaysOfWeek { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? Until { get; set; }

        public bool Publish { get; set; }

        /// <summary>A venue booked for each occurrence's time, all or none.</summary>
        public long? VenueId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        Venues = await venues.ChoicesAsync(ct);
        var result = await search.HandleAsync(new SearchActivitiesRequest { Status = Status, Page = Math.Max(1, PageNumber), Q = Q }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(a => a.OrgUnitId), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] ExportActivitiesHandler export, CancellationToken ct) =>
        ExcelPage.File(this, await export.HandleAsync(new SearchActivitiesRequest { Status = Status, Q = Q }, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var i = Input;
        if (i.Recurrence is { Frequency: { } frequency } rule)
        {
            var made = await series.CreateAsync(new CreateSeriesRequest(
                i.OrgUnitId, null, i.Title, i.Category, i.Place, China(i.StartsAt), China(i.EndsAt), i.Capacity, null, China(i.SignUpEndsAt), null, i.Description, null,
                new RecurrenceRequest(frequency, rule.Interval, rule.DaysOfWeek, rule.Until), rule.Publish, rule.VenueId), ct);
            if (!made.IsSuccess)
            {
                return Refuse(made.Error!, fieldOf: new Dictionary<string, string> { ["booking.overlap"] = "Recurrence.VenueId" }) ?? await OnGetAsync(ct);
            }

            Notice = Text.Get("Activities.series.created", made.Value.Title, made.Value.Occurrences.Count);
            return RedirectToPage("/Activities/Series", new { id = made.Value.Id });
        }

        var result = await create.HandleAsync(
            new CreateActivityRequest(i.OrgUnitId, null, i.Title, i.Category, i.Place, China(i.StartsAt), China(i.EndsAt), i.Capacity, null, China(i.SignUpEndsAt), null, i.Description, null, i.BookingId), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Activities.act.created", result.Value.Title);
        return RedirectToPage("/Activities/Detail", new { id = result.Value.Id });
    }

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) => ChangeAsync(id, ActivityAction.Publish, "Activities.act.published", ct);

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) => ChangeAsync(id, ActivityAction.Cancel, "Activities.act.cancelled", ct);

    private async Task<IActionResult> ChangeAsync(long id, ActivityAction action, string notice, CancellationToken ct)
    {
        var result = await change.HandleAsync(id, action, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get(notice, result.Value.Title);
        return RedirectToPage(new { status = Status, p = PageNumber });
    }

    private static DateTimeOffset? China(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), Text.ChinaOffset) : null;
}
