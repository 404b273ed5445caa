using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>A venue as every admin of its county sees it; <paramref name="CanManage"/> when the caller's unit owns it; its photos oldest first.</summary>
public sealed record VenueDto(
    long Id, long OrgUnitId, string OwnerName, string Name, int Capacity, string? Address, string? Facilities,
    string OpensAt, string ClosesAt, bool RequiresApproval, bool CanManage, IReadOnlyList<VenuePhotoDto> Photos)
{
    public static VenueDto From(Venue v, bool canManage, IReadOnlyList<VenuePhotoDto> photos) =>
        new(v.Id, v.OrgUnitId, v.OwnerName, v.Name, v.Capacity, v.Address, v.Facilities,
            BookingRules.Clock(v.OpensMinute), BookingRules.Clock(v.ClosesMinute), v.RequiresApproval, canManage, photos);
}

/// <summary>A booking, times in China time; <paramref name="CanDecide"/> for the owner of a pending one, <paramref name="CanCancel"/> for the booking unit or the owner.</summary>
public sealed record BookingDto(
    long Id, long VenueId, string? VenueName, long OrgUnitId, string UnitName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Purpose,
    BookingStatus Status, string StatusLabel, string? BookedBy, string? DecidedBy, string? Reason, DateTimeOffset CreatedAt, bool CanDecide = false, bool CanCancel = false,
    bool CanMakeActivity = false)
{
    /// <param name="mine">The booking unit is in the caller's subtree: a confirmed booking of theirs still ahead may become an activity (issue 17).</param>
    public static BookingDto From(VenueBooking b, string? venueName, bool canDecide = false, bool canCancel = false, bool mine = false) =>
        new(b.Id, b.VenueId, venueName, b.OrgUnitId, b.UnitName, Text.ToChinaTime(b.StartsAt), Text.ToChinaTime(b.EndsAt), b.Purpose,
            b.Status, VenueLabels.Status(b.Status), b.BookedByName, b.DecidedByName, b.Reason, Text.ToChinaTime(b.CreatedAt),
            canDecide && b.Status == BookingStatus.Pending, canCancel && b.Holds, mine && canCancel && b.Status == BookingStatus.Confirmed);
}

/// <summary>One venue's confirmed use in a year, month by month (index 0 = January).</summary>
public sealed record VenueUsageDto(long VenueId, string Name, string OwnerName, IReadOnlyList<int> Bookings, IReadOnlyList<double> Hours, int TotalBookings, double TotalHours);

public sealed record UsageDto(int Year, IReadOnlyList<VenueUsageDto> Venues);
