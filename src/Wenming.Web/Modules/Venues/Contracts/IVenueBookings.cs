namespace Wenming.Web.Modules.Venues.Contracts;

/// <summary>A booking as another module may read it: an activity takes its place (venue, times, unit) from one (issue 17).</summary>
public sealed record VenueBookingInfo(long Id, long VenueId, string VenueName, long OrgUnitId, DateTime StartsAt, DateTime EndsAt, bool Confirmed);

public interface IVenueBookings
{
    /// <summary>A booking of a venue in the caller's county, or null.</summary>
    Task<VenueBookingInfo?> FindAsync(long bookingId, CancellationToken ct);
}
