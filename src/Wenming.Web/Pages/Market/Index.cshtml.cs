using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>公益超市 for residents (phone first): my balance, the goods of my village and the units above it, each with its price.</summary>
[Authorize]
public sealed class IndexModel(GoodsHandler goods, MarketAccess access, IPointsLedger ledger, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<GoodsDto> Result { get; private set; } = new([], 1, 20, 0);

    public PointBalance? Balance { get; private set; }

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Admins manage the shelf; the shop is for the people it serves.
        if (access.Oversees && actor.PersonId is null)
        {
            return RedirectToPage("/Market/Goods");
        }

        var result = await goods.ListAsync(new ListGoodsRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Balance = actor.PersonId is { } personId ? await ledger.BalanceUnscopedAsync(personId, ct) : null;
        var names = new Dictionary<long, string>();
        foreach (var unitId in Result.Items.Select(g => g.OrgUnitId).Distinct())
        {
            if (await orgs.FindUnscopedAsync(unitId, ct) is { } unit)
            {
                names[unitId] = unit.Name;
            }
        }

        UnitNames = names;
        return Page();
    }
}
