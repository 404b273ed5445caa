using System.Globalization;
using Wenming.Web.Modules.Calendar.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Calendar;

/// <summary>The next dates of the practice calendar on everyone's home page, each with its responsible unit where the county named one.</summary>
public sealed class CalendarHome(CalendarHandler calendar, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        var next = await calendar.UpcomingAsync(3, ct);
        var links = next.Select(d => new HomeLink(d.Name, $"/calendar/{d.Date.Year}#d{d.Date:MMdd}",
            Value: d.Date.ToString("M-d", CultureInfo.InvariantCulture) + (d.ResponsibleUnitName is { } unit ? " · " + unit : ""), TestId: $"calendar-next-{d.Date:MMdd}")).ToList();
        links.Add(new(Text.Get("Practice.home.all"), "/calendar", TestId: "go-calendar"));
        return [new(Text.Get("Practice.nav.calendar"), 60, links, "home-calendar", ForDepartments: true)];
    }
}
