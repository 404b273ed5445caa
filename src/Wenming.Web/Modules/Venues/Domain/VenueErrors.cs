using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Venues.Domain;

/// <summary>The venues' typed failures: API.md's <c>booking.overlap</c> and this module's own; texts in Venues.resx.</summary>
public static class VenueErrors
{
    public static Error Overlap() => Error.Keyed("booking.overlap", ErrorKind.Conflict, "Venues.error.overlap");

    /// <summary>The same code as one booking's, naming the dates (China) whose slot is taken.</summary>
    public static Error OverlapOn(IEnumerable<DateOnly> dates) =>
        Error.Keyed("booking.overlap", ErrorKind.Conflict, "Venues.error.overlap_dates", string.Join("、", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    public static Error VenueNotFound() => Error.Keyed("venue.not_found", ErrorKind.NotFound, "Venues.error.venue_not_found");

    public static Error BookingNotFound() => Error.Keyed("booking.not_found", ErrorKind.NotFound, "Venues.error.booking_not_found");

    public static Error WrongState() => Error.Keyed("booking.invalid_transition", ErrorKind.Conflict, "Venues.error.wrong_state");

    public static Error PhotoNotFound() => Error.Keyed("venue.photo_not_found", ErrorKind.NotFound, "Venues.error.photo_not_found");

    public static Error DuplicateName() => Error.Keyed("venue.duplicate_name", ErrorKind.Conflict, "Venues.error.duplicate_name");
}
