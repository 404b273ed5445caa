using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features;
using Wenming.Web.Modules.Fund.Features.Disclosure;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fund;

/// <summary>
/// The fund on the home page of those who keep its books (the county center): the balance, large payments waiting
/// for a second approver and projects waiting for review (issue 14).
/// </summary>
public sealed class FundHome(DisclosureHandler disclosure, PaymentsHandler payments, ProjectsHandler projects, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated || !FundAccess.IsTreasurer(actor) || actor.CountyId is null)
        {
            return [];
        }

        var balance = await disclosure.BalanceAsync(null, ct);
        // The /fund page lists the newest hundred payments to find the pending ones; the card counts the same.
        var recent = await payments.ListAsync(new ListPaymentsRequest { Page = 1, PageSize = 100 }, ct);
        var applied = await projects.ListAsync(new ListProjectsRequest { Status = ProjectStatus.Applied, Page = 1, PageSize = 1 }, ct);
        var pending = recent.IsSuccess ? recent.Value.Items.Count(p => p.Status == PaymentStatus.Pending) : 0;
        return
        [
            new(Text.Get("Fund.home.title"), 55,
            [
                new(Text.Get("Fund.ui.balance"), "/fund", Value: balance.IsSuccess ? FundPage.Money(balance.Value.BalanceFen) : "—", TestId: "fund-balance"),
                new(Text.Get("Fund.home.pending_payments"), "/fund", Count: pending, TestId: "todo-fund-payments"),
                new(Text.Get("Fund.home.applied_projects"), "/fund/projects?status=Applied", Count: applied.IsSuccess ? applied.Value.Total : 0, TestId: "todo-fund-projects"),
            ], "home-fund"),
        ];
    }
}
