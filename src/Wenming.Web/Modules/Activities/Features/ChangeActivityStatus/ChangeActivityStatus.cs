using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;

/// <summary>Publish or cancel an activity along the transition table; anything else is 409 activity.invalid_transition.</summary>
public sealed class ChangeActivityStatusHandler(AppDbContext db, ActivityAccess access, IVenueBookings venues)
{
    public async Task<Result<ActivityDto>> HandleAsync(long id, ActivityAction action, CancellationToken ct)
    {
        var found = await access.ManageableAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        if (activity.Apply(action) is { } refused)
        {
            return refused;
        }

        if (action == ActivityAction.Cancel && activity is { SeriesId: not null, VenueBookingId: { } booking })
        {
            // A series occurrence booked its venue itself (ADR 0063): cancelling it frees the slot in the same save.
            await venues.StageCancelAsync(booking, Text.Get("Activities.series.booking_cancelled"), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request moved the activity on meanwhile (the status is the concurrency token).
            return Error.Conflict("activity.invalid_transition");
        }

        return ActivityDto.From(activity);
    }
}
