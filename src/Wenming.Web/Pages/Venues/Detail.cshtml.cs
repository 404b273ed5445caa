using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Venues;

/// <summary>What the booking form takes: a day and the times as typed (China time).</summary>
public sealed class BookingForm
{
    public long? OrgUnitId { get; set; }

    public DateOnly? Date { get; set; }

    public string? StartsAt { get; set; } = "09:00";

    public string? EndsAt { get; set; } = "11:00";

    public string? Purpose { get; set; }
}

/// <summary>One venue: its week calendar (Monday to Sunday, moved by week) and the form to book it.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(VenuesHandler venues, VenuePhotosHandler photos, BookingsHandler bookings, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty]
    public BookingForm Input { get; set; } = new();

    public VenueDto Venue { get; private set; } = null!;

    public DateOnly Monday { get; private set; }

    public IReadOnlyList<BookingDto> Week { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool IsAdmin => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var venue = await venues.GetAsync(id, ct);
        if (!venue.IsSuccess)
        {
            return Refuse(venue.Error!, prefix: "") ?? Page();
        }

        Venue = venue.Value;
        Monday = VenuePage.Monday(From ?? VenuePage.Today(clock));
        var week = await bookings.WeekAsync(id, Monday, 7, ct);
        Week = week.IsSuccess ? week.Value : [];
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        Input.Date ??= VenuePage.Today(clock).AddDays(1);
        return Page();
    }

    /// <summary>A photo for whoever may see the venue (the venue's own check; 404 for the rest).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, long photoId, CancellationToken ct)
    {
        var opened = await photos.OpenAsync(id, photoId, ct);
        if (!opened.IsSuccess)
        {
            return NotFoundPage();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return File(opened.Value.Bytes, opened.Value.Info.ContentType);
    }

    public async Task<IActionResult> OnPostPhotosAsync(long id, List<IFormFile>? files, CancellationToken ct)
    {
        var uploads = (files ?? []).Where(f => f.Length > 0).Select(f => new VenuePhotoUpload(f.FileName, f.OpenReadStream())).ToList();
        Wenming.Web.Platform.Errors.Result<VenueDto> result;
        try
        {
            result = await photos.AddAsync(id, uploads, ct);
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.Content.DisposeAsync();
            }
        }

        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Venues.ui.photos_added");
        return RedirectToPage("/Venues/Detail", new { id });
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(long id, long photoId, CancellationToken ct)
    {
        var result = await photos.RemoveAsync(id, photoId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Venues.ui.photo_removed");
        return RedirectToPage("/Venues/Detail", new { id });
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var startsAt = At(Input.Date, Input.StartsAt, "Input.StartsAt");
        var endsAt = At(Input.Date, Input.EndsAt, "Input.EndsAt");
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(id, ct);
        }

        var result = await bookings.BookAsync(id, new BookVenueRequest(Input.OrgUnitId, startsAt, endsAt, Input.Purpose), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["booking.overlap"] = "startsAt", ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(result.Value.Status == Modules.Venues.Domain.BookingStatus.Pending ? "Venues.ui.booked_pending" : "Venues.ui.booked");
        From = DateOnly.FromDateTime(result.Value.StartsAt.DateTime);
        return RedirectToPage("/Venues/Detail", new { id, from = VenuePage.Date(From.Value) });
    }

    /// <summary>A day and an "HH:mm" in China time; a message on the field when either is missing or malformed.</summary>
    private DateTimeOffset? At(DateOnly? date, string? time, string field)
    {
        if (date is null)
        {
            ModelState.AddModelError("Input.Date", Text.Get("validation.required", Text.Get("Venues.field.date")));
            return null;
        }

        if (!TimeOnly.TryParseExact(time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clockTime))
        {
            ModelState.AddModelError(field, Text.Get("Venues.error.clock_format"));
            return null;
        }

        return new DateTimeOffset(date.Value.ToDateTime(clockTime), Text.ChinaOffset);
    }
}
