using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Modules.Venues.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Venues;

/// <summary>Venues on an admin's home page: bookings of their venues waiting for their approval, and the way to book.</summary>
public sealed class VenuesHome(BookingsHandler bookings, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            return [];
        }

        var pending = await bookings.ListAsync(new ListBookingsRequest(null, BookingStatus.Pending, 1, 100), ct);
        var toDecide = pending.IsSuccess ? pending.Value.Items.Count(b => b.CanDecide) : 0;
        return
        [
            new(Text.Get("Venues.nav.venues"), 65,
            [
                new(Text.Get("Venues.home.to_approve"), "/venues", Count: toDecide, Alert: toDecide > 0, TestId: "todo-venue-approvals"),
                new(Text.Get("Venues.home.book"), "/venues", TestId: "go-venues"),
            ], "home-venues", ForDepartments: true),
        ];
    }
}
