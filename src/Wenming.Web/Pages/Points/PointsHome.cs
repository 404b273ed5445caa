using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>Points on the home page: overseers see the awards waiting for a decision; people their balance and credit stars.</summary>
public sealed class PointsHome(ListAwardsHandler awards, GetPointAccountHandler accounts, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        if (NavAudience.IsOverseer(actor))
        {
            var proposed = await awards.ListAsync(new ListAwardsRequest { Status = AwardStatus.Proposed, Page = 1, PageSize = 1 }, ct);
            return
            [
                new(Text.Get("Award.nav.awards"), 40,
                [
                    new(Text.Get("Points.home.to_decide"), "/awards", Count: proposed.IsSuccess ? proposed.Value.Total : 0, TestId: "todo-awards"),
                ], "home-points"),
            ];
        }

        if (actor.PersonId is null)
        {
            return [];
        }

        var mine = await accounts.MineAsync(ct);
        var links = new List<HomeLink>();
        if (mine.IsSuccess)
        {
            links.Add(new(Text.Get("Points.home.balance"), "/points", Value: mine.Value.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture), TestId: "my-points"));
            links.Add(new(Text.Get("Points.ui.stars"), "/points", Value: new string('★', mine.Value.CreditStars) is { Length: > 0 } s ? s : "—", TestId: "my-credit-stars"));
        }

        links.Add(new(Text.Get("Award.nav.notices"), "/awards/notices", TestId: "go-award-notices"));
        return [new(Text.Get("Points.nav.mine"), 40, links, "home-points")];
    }
}
