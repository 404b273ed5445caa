using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Market.Features.Redeem;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>The confirmation before points are spent: the item, its price, my balance, how many; 确认兑换 redeems for myself.</summary>
[Authorize]
public sealed class RedeemModel(GoodsHandler goods, RedeemHandler redeem, IPointsLedger ledger, CurrentActor actor) : AppPageModel
{
    public GoodsDto Goods { get; private set; } = null!;

    public long Balance { get; private set; }

    [BindProperty]
    public int? Quantity { get; set; } = 1;

    public int MaxQuantity => Redemption.MaxQuantity;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(id, ct) ?? Page();
        }

        var result = await redeem.HandleAsync(new RedeemRequest(id, actor.PersonId, Quantity), ct);
        if (!result.IsSuccess)
        {
            // Out of stock or short of points: say so on this page, which shows the fresh stock and balance.
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Market.ui.redeemed", result.Value.GoodsName, result.Value.PickupCode);
        return RedirectToPage("/Market/Mine");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var found = await goods.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!, prefix: "");
        }

        Goods = found.Value;
        Balance = actor.PersonId is { } personId ? (await ledger.BalanceUnscopedAsync(personId, ct)).Balance : 0;
        return null;
    }
}
