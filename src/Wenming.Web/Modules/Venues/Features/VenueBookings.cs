using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>Reads a booking for the activities module, naming the caller's county as every venue query does (ADR 0048).</summary>
public sealed class VenueBookings(AppDbContext db, CurrentActor actor, VenuesHandler venues) : IVenueBookings
{
    public async Task<VenueBookingInfo?> FindAsync(long bookingId, CancellationToken ct)
    {
        var county = actor.CountyId;
        var booking = await db.Set<VenueBooking>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId && (county == null || b.CountyId == county), ct);
        if (booking is null || await venues.Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == booking.VenueId, ct) is not { } venue)
        {
            return null;
        }

        return new VenueBookingInfo(booking.Id, venue.Id, venue.Name, booking.OrgUnitId, booking.StartsAt, booking.EndsAt, booking.Status == BookingStatus.Confirmed);
    }
}
