using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Venues.Domain;

/// <summary>The venues' typed failures: API.md's <c>booking.overlap</c> and this module's own; texts in Venues.resx.</summary>
public static class VenueErrors
{
    public static Error Overlap() => Error.Keyed("booking.overlap", ErrorKind.Conflict, "Venues.error.overlap");

    /// <summary>The same code as one booking's, naming the dates (China) whose slot is taken: the first ten, then how many in all.</summary>
    public static Error OverlapOn(IReadOnlyList<DateOnly> dates)
    {
        const int Shown = 10;
        var named = string.Join("、", dates.Take(Shown).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return dates.Count <= Shown
            ? Error.Keyed("booking.overlap", ErrorKind.Conflict, "Venues.error.overlap_dates", named)
            : Error.Keyed("booking.overlap", ErrorKind.Conflict, "Venues.error.overlap_dates_more", named, dates.Count);
    }

    public static Error VenueNotFound() => Error.Keyed("venue.not_found", ErrorKind.NotFound, "Venues.error.venue_not_found");

    public static Error BookingNotFound() => Error.Keyed("booking.not_found", ErrorKind.NotFound, "Venues.error.booking_not_found");

    public static Error WrongState() => Error.Keyed("booking.invalid_transition", ErrorKind.Conflict, "Venues.error.wrong_state");

    public static Error PhotoNotFound() => Error.Keyed("venue.photo_not_found", ErrorKind.NotFound, "Venues.error.photo_not_found");

    public static Error DuplicateName() => Error.Keyed("venue.duplicate_name", ErrorKind.Conflict, "Venues.error.duplicate_name");
}
