using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>The market on the home page: admins see the redemptions waiting at the counter; people the shop and what they still have to pick up.</summary>
public sealed class MarketHome(RedemptionsHandler redemptions, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        if (actor.IsAdmin)
        {
            var open = await redemptions.ListAsync(new ListRedemptionsRequest { Status = RedemptionStatus.Open, Page = 1, PageSize = 1 }, ct);
            return
            [
                new(Text.Get("Market.nav.manage"), 50,
                [
                    new(Text.Get("Market.home.to_pick_up"), "/market/counter", Count: open.IsSuccess ? open.Value.Total : 0, TestId: "todo-pickups"),
                ], "home-market"),
            ];
        }

        if (NavAudience.IsOverseer(actor) || actor.PersonId is null)
        {
            return [];
        }

        // A person holds few redemptions; the newest hundred are enough to count what still waits.
        var mine = await redemptions.MineAsync(new PageRequest { Page = 1, PageSize = 100 }, ct);
        var waiting = mine.IsSuccess ? mine.Value.Items.Count(r => r.Status == RedemptionStatus.Open) : 0;
        return
        [
            new(Text.Get("Market.nav.shop"), 45,
            [
                new(Text.Get("Market.home.shop"), "/market", TestId: "go-market"),
                new(Text.Get("Market.home.my_pickups"), "/market/mine", Count: waiting, TestId: "my-pickups"),
            ], "home-market"),
        ];
    }
}
