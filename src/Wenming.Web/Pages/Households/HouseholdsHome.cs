using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>
/// Households on the home page: admins see the 十必联 events overdue and open in their subtree; a person sees 我的家庭
/// (their household's members) and, when they are a contact person, their households with the overdue ones counted.
/// </summary>
public sealed class HouseholdsHome(HouseholdsHandler households, HouseholdEventsHandler events, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        if (actor.IsAdmin)
        {
            var overdue = await events.ListAsync(new ListEventsRequest { Overdue = true, PageSize = 1 }, ct);
            var open = await events.ListAsync(new ListEventsRequest { Open = true, PageSize = 1 }, ct);
            return
            [
                new(Text.Get("Households.home.title"), 45,
                [
                    new(Text.Get("Households.home.overdue"), "/households/events?overdue=true", Count: overdue.IsSuccess ? overdue.Value.Total : 0,
                        Alert: overdue.IsSuccess && overdue.Value.Total > 0, TestId: "todo-household-overdue"),
                    new(Text.Get("Households.home.open"), "/households/events?open=true", Count: open.IsSuccess ? open.Value.Total : 0, TestId: "todo-household-open"),
                    new(Text.Get("Households.nav.households"), "/households", TestId: "go-households"),
                ], "home-households"),
            ];
        }

        if (!NavAudience.IsPersonal(actor))
        {
            return [];
        }

        var links = new List<HomeLink>();
        var mine = await households.MineAsync(ct);
        if (mine.IsSuccess)
        {
            links.Add(new(Text.Get("Households.ui.members"), "/households/mine", Value: Text.Get("Households.home.members", mine.Value.Members.Count), TestId: "my-household"));
        }

        var contacted = await households.ContactedAsync(ct);
        if (contacted.IsSuccess && contacted.Value.Count > 0)
        {
            var late = contacted.Value.Sum(h => h.OverdueEvents ?? 0);
            links.Add(new(Text.Get("Households.nav.contacted"), "/households/contacted", Count: contacted.Value.Count, TestId: "my-contacted"));
            links.Add(new(Text.Get("Households.home.overdue"), "/households/contacted", Count: late, Alert: late > 0, TestId: "my-contacted-overdue"));
        }

        // A contact person's card is about the work; anyone else's about their family.
        var title = contacted.IsSuccess && contacted.Value.Count > 0 ? "Households.home.title" : "Households.nav.mine";
        return links.Count == 0 ? [] : [new(Text.Get(title), 45, links, "home-households")];
    }
}
