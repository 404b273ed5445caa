using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.Series;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>A recurring activity: its rule and occurrences, and "this and following" edits or cancellation (same handler as the API).</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class SeriesModel(ActivitySeriesHandler series, IVenueBookings venues) : AppPageModel
{
    public SeriesDto Series { get; private set; } = null!;

    /// <summary>Names of the venues the occurrences are booked in (empty when none is: the column is then left out).</summary>
    public IReadOnlyDictionary<long, string> VenueNames { get; private set; } = new Dictionary<long, string>();

    [BindProperty]
    public FollowingInput Input { get; set; } = new();

    [BindProperty]
    public DateOnly? CancelFrom { get; set; }

    public sealed class FollowingInput
    {
        public DateOnly? From { get; set; }

        public string? Title { get; set; }

        public string? Place { get; set; }

        public string? StartTime { get; set; }

        public string? EndTime { get; set; }

        public int? Capacity { get; set; }
    }

    /// <summary>The dates "from" may name: occurrences still to come (drafts and published ones).</summary>
    public IReadOnlyList<DateOnly> OpenDates => [.. Series.Occurrences
        .Where(a => a.Status is ActivityStatus.Draft or ActivityStatus.Published)
        .Select(a => DateOnly.FromDateTime(a.StartsAt.DateTime)).Distinct()];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(id, ct) ?? Page();
        }

        var i = Input;
        var result = await series.EditFollowingAsync(id, new SeriesFollowingRequest(i.From, i.Title, i.Place, i.StartTime, i.EndTime, i.Capacity), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Activities.series.edited", Day(i.From!.Value));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var result = await series.CancelFollowingAsync(id, new SeriesCancelRequest(CancelFrom), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Activities.series.cancelled", Day(CancelFrom!.Value));
        return RedirectToPage(new { id });
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var found = await series.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!, prefix: "") ?? NotFoundPage();
        }

        Series = found.Value;
        if (Series.Occurrences.Any(a => a.VenueId is not null))
        {
            // One read of the county's venue choices rather than a lookup per occurrence (a series may have 52).
            VenueNames = (await venues.ChoicesAsync(ct)).ToDictionary(v => v.Id, v => v.Name);
        }

        return null;
    }
}
