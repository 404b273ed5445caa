using Wenming.Web.Modules.Activities.Features.ListMyActivities;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>Activities on the home page: a person's next activities (each opens its page), 我的活动 and 附近的活动.</summary>
public sealed class ActivitiesHome(ListMyActivitiesHandler mine, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!NavAudience.IsPersonal(actor))
        {
            return [];
        }

        var upcoming = await mine.HandleAsync(past: false, new PageRequest { Page = 1, PageSize = 3 }, ct);
        var links = new List<HomeLink>();
        if (upcoming.IsSuccess)
        {
            links.AddRange(upcoming.Value.Items.Select(m => new HomeLink(
                m.Activity.Title, $"/activities/{m.Activity.Id}", Value: ActivityLabels.Time(m.Activity.StartsAt), TestId: $"my-activity-{m.Activity.Id}")));
            links.Add(new(Text.Get("Activities.mine.title"), "/activities/mine", Count: upcoming.Value.Total, TestId: "go-my-activities"));
        }

        links.Add(new(Text.Get("Activities.home.nearby"), "/activities/nearby", TestId: "go-nearby"));
        return [new(Text.Get("Activities.home.title"), 25, links, "home-activities")];
    }
}
