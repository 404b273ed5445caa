using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.ListOrders;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>
/// Orders on the home page: overseers see what waits for dispatch and what is late in their subtree,
/// a team leader the orders waiting for the team, a resident the way to order and their latest orders.
/// </summary>
public sealed class OrdersHome(ListOrdersHandler list, CurrentActor actor, IOrgDirectory orgs) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        if (await orgs.IsDepartmentAdminAsync(actor, ct))
        {
            // A department's admins (ADR 0060): orders to claim, the red ones among them, and those they answer for.
            var toClaim = await list.BoardAsync(new OrderBoardRequest { Open = true, Page = 1, PageSize = 1, AwaitsClaim = true }, ct);
            var late = await list.BoardAsync(new OrderBoardRequest { Open = true, Overdue = true, Page = 1, PageSize = 1, AwaitsClaim = true }, ct);
            var mine = await list.BoardAsync(new OrderBoardRequest { Open = true, Page = 1, PageSize = 1, FirstHandledByMe = true }, ct);
            return
            [
                new(Text.Get("Orders.home.dept_title"), 15,
                [
                    new(Text.Get("Orders.home.dept_waiting"), "/orders/board?view=claim", Count: toClaim.IsSuccess ? toClaim.Value.Total : 0, TestId: "todo-orders-claim"),
                    new(Text.Get("Orders.home.dept_red"), "/orders/board?view=claim", Count: late.IsSuccess ? late.Value.Total : 0,
                        Alert: late.IsSuccess && late.Value.Total > 0, TestId: "todo-orders-claim-late"),
                    new(Text.Get("Orders.home.dept_mine"), "/orders/board?view=first", Count: mine.IsSuccess ? mine.Value.Total : 0, TestId: "todo-orders-first"),
                ], "home-dept-orders", ForDepartments: true),
            ];
        }

        if (NavAudience.IsOverseer(actor))
        {
            var waiting = await list.BoardAsync(new OrderBoardRequest { Status = OrderStatus.Submitted, Open = true, Page = 1, PageSize = 1 }, ct);
            var overdue = await list.BoardAsync(new OrderBoardRequest { Open = true, Overdue = true, Page = 1, PageSize = 1 }, ct);
            return
            [
                new(Text.Get("Orders.nav.board"), 20,
                [
                    new(Text.Get("Orders.home.to_dispatch"), "/orders/board", Count: waiting.IsSuccess ? waiting.Value.Total : 0, TestId: "todo-orders-dispatch"),
                    new(Text.Get("Orders.home.overdue"), "/orders/board?view=overdue", Count: overdue.IsSuccess ? overdue.Value.Total : 0,
                        Alert: overdue.IsSuccess && overdue.Value.Total > 0, TestId: "todo-orders-overdue"),
                ], "home-orders"),
            ];
        }

        var cards = new List<HomeCard>();
        if (actor.Has(Role.TeamLeader))
        {
            var inbox = await list.InboxAsync(new PageRequest { Page = 1, PageSize = 1 }, true, ct);
            cards.Add(new(Text.Get("Orders.nav.inbox"), 20,
            [
                new(Text.Get("Orders.home.team_waiting"), "/orders/inbox", Count: inbox.IsSuccess ? inbox.Value.Total : 0, TestId: "todo-orders-inbox"),
            ], "home-inbox"));
        }

        if (actor.PersonId is not null)
        {
            var mine = await list.MineAsync(new PageRequest { Page = 1, PageSize = 3 }, ct);
            var links = new List<HomeLink> { new(Text.Get("Orders.home.new"), "/orders/new", TestId: "go-order-new") };
            if (mine.IsSuccess)
            {
                links.AddRange(mine.Value.Items.Select(o => new HomeLink(o.ServiceItemName ?? Shorten(o.Description), $"/orders/{o.Id}", Value: o.StatusLabel, TestId: $"my-order-{o.Id}")));
                links.Add(new(Text.Get("Orders.home.all_mine"), "/orders/mine", Count: mine.Value.Total, TestId: "go-orders-mine"));
            }

            cards.Add(new(Text.Get("Orders.nav.mine"), 30, links, "home-my-orders"));
        }

        return cards;
    }

    private static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "…";
}
