using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Modules.Venues.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Venues;

/// <summary>场馆预约: the county's venues, this year's use per venue and month, the bookings the caller answers for, a new venue.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(VenuesHandler venues, BookingsHandler bookings, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CreateVenueRequest Input { get; set; } = new(null, null, null, null, null, VenuesHandler.DefaultOpens, VenuesHandler.DefaultCloses, false);

    public IReadOnlyList<VenueDto> Venues { get; private set; } = [];

    public UsageDto? Usage { get; private set; }

    public PageOf<BookingDto> Bookings { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool IsAdmin => actor.IsAdmin;

    public int ShownYear => Year ?? clock.GetUtcNow().ToOffset(Text.ChinaOffset).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await venues.ListAsync(new ListVenuesRequest(), ct);
        if (!list.IsSuccess)
        {
            return Refuse(list.Error!, prefix: "") ?? Page();
        }

        Venues = list.Value.Items;
        var usage = await bookings.UsageAsync(ShownYear, ct);
        Usage = usage.IsSuccess ? usage.Value : null;
        var mine = await bookings.ListAsync(new ListBookingsRequest(null, null, Math.Max(1, PageNumber)), ct);
        Bookings = mine.IsSuccess ? mine.Value : Bookings;
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await venues.CreateAsync(Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["venue.duplicate_name"] = "name", ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Venues.ui.created", result.Value.Name);
        return RedirectToPage("/Venues/Detail", new { id = result.Value.Id });
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        Done(await bookings.ApproveAsync(id, ct), "Venues.ui.approved") ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        Done(await bookings.RejectAsync(id, new DecideBookingRequest(reason), ct), "Venues.ui.rejected") ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostCancelAsync(long id, string? reason, CancellationToken ct) =>
        Done(await bookings.CancelAsync(id, new DecideBookingRequest(reason), ct), "Venues.ui.cancelled") ?? await OnGetAsync(ct);

    private IActionResult? Done(Platform.Errors.Result<BookingDto> result, string notice)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "");
        }

        Notice = Text.Get(notice);
        return RedirectToPage("/Venues/Index");
    }
}
