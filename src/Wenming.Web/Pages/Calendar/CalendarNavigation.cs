using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Calendar;

/// <summary>Everyone signed in plans around the practice calendar (admins plan activities from it, volunteers see what is coming).</summary>
public sealed class CalendarNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Calendar", "Practice.nav.calendar", "/calendar", 149, a => a.IsAuthenticated, ["/calendar"]) { Group = NavGroups.Activities },
    ];
}
