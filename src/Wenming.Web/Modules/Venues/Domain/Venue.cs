using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Domain;

public enum BookingStatus
{
    /// <summary>Waiting for the owner's approval; it holds the slot meanwhile, so two units cannot both be promised it.</summary>
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
    Cancelled = 4,
}

/// <summary>
/// A room or hall (展示厅, 四点半课堂, 健身场馆, 大剧院 …) that any unit of the county may book (DESIGN §3). It carries the
/// county but is not org-scoped: the whole county sees and books it, while only its owner's admins change it.
/// <see cref="BookingVersion"/> is the lock row every booking of this venue serializes on (ADR 0048).
/// </summary>
public sealed class Venue : ICountyScoped
{
    public const int MaxNameLength = 60;
    public const int MaxTextLength = 500;
    public const int MaxCapacity = 100_000;

    private Venue()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The owning unit (a station, the center, a department): its admins approve bookings and change the venue.</summary>
    public long OrgUnitId { get; private set; }

    public string OwnerName { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int Capacity { get; private set; }

    public string? Address { get; private set; }

    public string? Facilities { get; private set; }

    /// <summary>Opening hours as minutes of the day in China time; <see cref="ClosesMinute"/> 1440 is midnight at the end of the day.</summary>
    public int OpensMinute { get; private set; }

    public int ClosesMinute { get; private set; }

    /// <summary>Bookings by other units wait for the owner's approval.</summary>
    public bool RequiresApproval { get; private set; }

    /// <summary>Raised by every booking attempt in its transaction: the row lock that makes "check free, then insert" atomic.</summary>
    public long BookingVersion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Venue Create(long countyId, long orgUnitId, string ownerName, string name, int capacity, string? address, string? facilities, int opensMinute, int closesMinute, bool requiresApproval, DateTime now) =>
        new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            OwnerName = ownerName,
            Name = name,
            Capacity = capacity,
            Address = address,
            Facilities = facilities,
            OpensMinute = opensMinute,
            ClosesMinute = closesMinute,
            RequiresApproval = requiresApproval,
            CreatedAt = now,
        };

    public string OpeningHours => BookingRules.Clock(OpensMinute) + "–" + BookingRules.Clock(ClosesMinute);
}

/// <summary>
/// A photo of a venue (venue_photos, issue 17): the bytes are a stored file (plat_files) of the owning unit, this row ties
/// it to the venue and, like the venue, is a county row: whoever may see the venue sees its photos.
/// </summary>
public sealed class VenuePhoto : ICountyScoped
{
    /// <summary>Six, as for a household visit (ADR 0055): enough to show the room, its stage and its equipment.</summary>
    public const int MaxPerVenue = 6;

    private VenuePhoto()
    {
    }

    public long Id { get; private set; }

    public long VenueId { get; private set; }

    public long CountyId { get; private set; }

    public long FileId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static VenuePhoto Of(Venue venue, long fileId, DateTime now) => new()
    {
        VenueId = venue.Id,
        CountyId = venue.CountyId,
        FileId = fileId,
        CreatedAt = now,
    };
}

/// <summary>A unit's hold on a venue for a time. Pending and confirmed bookings of one venue never overlap (RULES.md).</summary>
public sealed class VenueBooking : ICountyScoped
{
    public const int MaxPurposeLength = 200;

    private VenueBooking()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long VenueId { get; private set; }

    /// <summary>The unit that books (and answers for) it.</summary>
    public long OrgUnitId { get; private set; }

    public string UnitName { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public string Purpose { get; private set; } = "";

    public BookingStatus Status { get; private set; }

    public long? BookedByUserId { get; private set; }

    public string? BookedByName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    public bool Holds => Status is BookingStatus.Pending or BookingStatus.Confirmed;

    public static VenueBooking Create(Venue venue, long orgUnitId, string unitName, DateTime startsAt, DateTime endsAt, string purpose, bool confirmed, long? userId, string? userName, DateTime now) =>
        new()
        {
            CountyId = venue.CountyId,
            VenueId = venue.Id,
            OrgUnitId = orgUnitId,
            UnitName = unitName,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Purpose = purpose,
            Status = confirmed ? BookingStatus.Confirmed : BookingStatus.Pending,
            BookedByUserId = userId,
            BookedByName = userName,
            CreatedAt = now,
        };

    public bool Decide(bool approve, string? reason, string? by, DateTime now)
    {
        if (Status != BookingStatus.Pending)
        {
            return false;
        }

        Status = approve ? BookingStatus.Confirmed : BookingStatus.Rejected;
        Reason = reason;
        DecidedByName = by;
        DecidedAt = now;
        return true;
    }

    /// <summary>A held booking follows its activity to a new time (a series' "this and following", ADR 0063).</summary>
    public bool MoveTo(DateTime startsAt, DateTime endsAt)
    {
        if (!Holds)
        {
            return false;
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        return true;
    }

    public bool Cancel(string? reason, string? by, DateTime now)
    {
        if (!Holds)
        {
            return false;
        }

        Status = BookingStatus.Cancelled;
        Reason = reason;
        DecidedByName = by;
        DecidedAt = now;
        return true;
    }
}

/// <summary>RULES.md's booking limits: 30 min to 1 day, at most 60 days ahead, inside opening hours.</summary>
public static class BookingRules
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);
    public const int MostDaysAhead = 60;

    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>"HH:mm" (24:00 allowed as the end of the day) to minutes, or null.</summary>
    public static int? ParseClock(string? text)
    {
        if (text is null || text.Length != 5 || text[2] != ':' || !int.TryParse(text.AsSpan(0, 2), out var h) || !int.TryParse(text.AsSpan(3, 2), out var m))
        {
            return null;
        }

        return h is >= 0 and <= 24 && m is >= 0 and < 60 && h * 60 + m <= 1440 ? h * 60 + m : null;
    }

    /// <summary>Whether the China-time span [start, end) lies inside one day's opening hours.</summary>
    public static bool InsideOpeningHours(Venue venue, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var start = startsAt.ToOffset(Text.ChinaOffset);
        var end = endsAt.ToOffset(Text.ChinaOffset);
        var startMinute = (int)start.TimeOfDay.TotalMinutes;
        int endMinute;
        if (end.Date == start.Date)
        {
            endMinute = (int)Math.Ceiling(end.TimeOfDay.TotalMinutes);
        }
        else if (end.Date == start.Date.AddDays(1) && end.TimeOfDay == TimeSpan.Zero)
        {
            endMinute = 1440;
        }
        else
        {
            return false;
        }

        return startMinute >= venue.OpensMinute && endMinute <= venue.ClosesMinute;
    }
}

public static class VenueLabels
{
    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Pending => Text.Get("Venues.status.pending"),
        BookingStatus.Confirmed => Text.Get("Venues.status.confirmed"),
        BookingStatus.Rejected => Text.Get("Venues.status.rejected"),
        _ => Text.Get("Venues.status.cancelled"),
    };
}
