using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>The venues' contract for the activities module, naming the caller's county as every venue query does (ADR 0048).</summary>
public sealed class VenueBookings(AppDbContext db, CurrentActor actor, VenuesHandler venues, BookingsHandler bookings, TimeProvider clock) : IVenueBookings
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

    public async Task<IReadOnlyList<VenueChoice>> ChoicesAsync(CancellationToken ct) =>
        [.. (await venues.Visible().AsNoTracking().OrderBy(v => v.Name).ToListAsync(ct)).Select(v => new VenueChoice(v.Id, v.Name, v.OwnerName, v.OpeningHours))];

    public Task<Result<IReadOnlyList<long>>> BookAllAsync(long venueId, long orgUnitId, string purpose, IReadOnlyList<VenueSpan> spans, CancellationToken ct) =>
        bookings.BookAllAsync(venueId, orgUnitId, purpose, spans, ct);

    public Task<Error?> MoveAllAsync(IReadOnlyDictionary<long, VenueSpan> moves, CancellationToken ct) => bookings.MoveAllAsync(moves, ct);

    public async Task StageCancelAsync(long bookingId, string reason, CancellationToken ct)
    {
        var county = actor.CountyId;
        if (await db.Set<VenueBooking>().SingleOrDefaultAsync(b => b.Id == bookingId && (county == null || b.CountyId == county), ct) is { } booking)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (booking.EndsAt > now)
            {
                booking.Cancel(reason, actor.Login, now);
            }
        }
    }
}
