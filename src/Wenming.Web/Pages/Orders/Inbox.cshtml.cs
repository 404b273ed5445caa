using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.ListOrders;
using Wenming.Web.Modules.Orders.Features.ServeOrder;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>接单: a team leader's open orders (dispatched to their teams, accepted, and their unit's pool), soonest deadline first.</summary>
[Authorize(Roles = Roles.TeamLeader)]
public sealed class InboxModel(ListOrdersHandler list, ServeOrderHandler serve) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<OrderDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.InboxAsync(new PageRequest { Page = Math.Max(1, PageNumber) }, open: !All, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct)
    {
        var result = await serve.ClaimAsync(id, new ClaimOrderRequest(null), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Orders.ui.done_claim");
        return RedirectToPage("/Orders/Detail", new { id });
    }
}
