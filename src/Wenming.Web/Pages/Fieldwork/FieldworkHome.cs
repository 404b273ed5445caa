using System.Globalization;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Modules.Fieldwork.Features.Sites;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fieldwork;

/// <summary>
/// On the home page: a linked leader sees this month's visits, and "本月未走访" and, in red, "请安排走访" when there is none (yellow); a
/// station's admin sees the site's latest standard score.
/// </summary>
public sealed class FieldworkHome(LeaderLinksHandler leaders, SiteStandardsHandler sites, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        var cards = new List<HomeCard>();
        if (leaders.CallerMayLead && await leaders.MyRowAsync(1, ct) is { } row)
        {
            var month = row.Months[^1];
            var status = row.CurrentLight == Light.Yellow
                ? new HomeLink(Text.Get("Fieldwork.home.not_visited"), "/fieldwork/mine", Value: Text.Get("Fieldwork.home.visit_due"), Alert: true, TestId: "home-not-visited")
                : new HomeLink(Text.Get("Fieldwork.home.visited"), "/fieldwork/mine", Count: month.Visits, TestId: "home-visited");
            cards.Add(new(Text.Get("Fieldwork.nav.mine"), 26, [status, new(Text.Get("Fieldwork.ui.log_visit"), "/fieldwork/visits/new", TestId: "home-log-visit")], "home-fieldwork"));
        }

        if (actor.Has(Role.StationAdmin) && actor.OrgUnitId is { } station)
        {
            var site = await sites.GetAsync(station, ct);
            if (site.IsSuccess)
            {
                var score = site.Value.Latest?.Score.ToString("0.0", CultureInfo.InvariantCulture) ?? Text.Get("Fieldwork.ui.not_inspected");
                cards.Add(new(Text.Get("Fieldwork.nav.sites"), 27, [new(Text.Get("Fieldwork.home.site_score"), $"/sites/{station}", Value: score, TestId: "home-site-score")], "home-site"));
            }
        }

        return cards;
    }
}
