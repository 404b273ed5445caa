using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Venues.Contracts;

/// <summary>A booking as another module may read it: an activity takes its place (venue, times, unit) from one (issue 17).</summary>
public sealed record VenueBookingInfo(long Id, long VenueId, string VenueName, long OrgUnitId, DateTime StartsAt, DateTime EndsAt, bool Confirmed);

/// <summary>A venue of the caller's county, for a picker.</summary>
public sealed record VenueChoice(long Id, string Name, string OwnerName, string OpeningHours);

/// <summary>One span (UTC) to hold, or where a held booking moves to.</summary>
public sealed record VenueSpan(DateTime StartsAt, DateTime EndsAt);

public interface IVenueBookings
{
    /// <summary>A booking of a venue in the caller's county, or null.</summary>
    Task<VenueBookingInfo?> FindAsync(long bookingId, CancellationToken ct);

    /// <summary>The venues of the caller's county, by name.</summary>
    Task<IReadOnlyList<VenueChoice>> ChoicesAsync(CancellationToken ct);

    /// <summary>
    /// Books the venue for the unit at every span, all or none (a recurring activity's occurrences, ADR 0063): inside the
    /// caller's transaction if there is one, serialized on the venue's lock row like any booking (ADR 0048). A taken span
    /// is 409 <c>booking.overlap</c> naming every such date; the caller's transaction must then be rolled back. Answers
    /// the booking ids in the order of the spans.
    /// </summary>
    Task<Result<IReadOnlyList<long>>> BookAllAsync(long venueId, long orgUnitId, string purpose, IReadOnlyList<VenueSpan> spans, CancellationToken ct);

    /// <summary>Moves held bookings to new spans in the caller's transaction; 409 <c>booking.overlap</c> naming the dates if one is taken.</summary>
    Task<Error?> MoveAllAsync(IReadOnlyDictionary<long, VenueSpan> moves, CancellationToken ct);

    /// <summary>Stages the cancellation of a held booking (its activity was cancelled); the caller's save writes it. Past or already ended bookings stay.</summary>
    Task StageCancelAsync(long bookingId, string reason, CancellationToken ct);
}
