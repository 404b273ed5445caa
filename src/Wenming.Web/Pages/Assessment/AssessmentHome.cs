using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Modules.Assessment.Features.Schemes;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Assessment;

/// <summary>
/// 考评 on the home page: a township or a station sees its latest published rank; those who run or review schemes see
/// how many wait for review or publication in their subtree.
/// </summary>
public sealed class AssessmentHome(AssessmentSchemesHandler schemes, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!NavAudience.IsOverseer(actor))
        {
            return [];
        }

        var links = new List<HomeLink>();
        var mine = await schemes.MineAsync(ct);
        if (mine.IsSuccess && mine.Value.FirstOrDefault() is { } latest)
        {
            links.Add(new(
                Text.Get("Assessment.home.rank", latest.Title, latest.Rank, latest.RankedCount), $"/assessments/{latest.SchemeId}",
                Value: AssessmentView.Points(latest.Score), TestId: "home-assessment-rank"));
        }

        var reviews = actor.IsAdmin || actor.Has(Role.Supervisor);
        if (reviews)
        {
            var waiting = await schemes.ListAsync(new ListSchemesRequest { Status = AssessmentStatus.Computed, PageSize = 1 }, ct);
            var reviewed = await schemes.ListAsync(new ListSchemesRequest { Status = AssessmentStatus.Reviewed, PageSize = 1 }, ct);
            var total = (waiting.IsSuccess ? waiting.Value.Total : 0) + (reviewed.IsSuccess ? reviewed.Value.Total : 0);
            if (total > 0 || links.Count == 0)
            {
                links.Add(new(Text.Get("Assessment.home.open"), "/assessments", Count: total, TestId: "home-assessment-open"));
            }
        }

        return links.Count == 0 ? [] : [new(Text.Get("Assessment.nav.title"), 26, links, "home-assessment")];
    }
}
