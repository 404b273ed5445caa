using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Market.Features.Redeem;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>
/// 代居民兑换: many of the villagers who earn points have no smartphone, so the counter redeems for them —
/// find the person by name, see their balance, pick the goods, 确认兑换; the counter page then shows the
/// new pickup code ready for 确认发放. The redemption itself is the API's (same checks, same transaction).
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CounterRedeemModel(GoodsHandler goods, RedeemHandler redeem, IPeopleDirectory people, IPointsLedger ledger) : AppPageModel
{
    private const int MaxMatches = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    /// <summary>The goods and quantity posted; the person is the one picked above (<see cref="PersonId"/>).</summary>
    [BindProperty]
    public RedeemRequest Input { get; set; } = new(null, null, 1);

    public sealed record Match(long Id, string Name, long Balance);

    public IReadOnlyList<Match> Matches { get; private set; } = [];

    public Match? Person { get; private set; }

    public IReadOnlyList<GoodsDto> Shelf { get; private set; } = [];

    public int MaxQuantity => Redemption.MaxQuantity;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(ct) ?? Page();
        }

        if (Input.GoodsId is null)
        {
            ModelState.AddModelError("Input.GoodsId", Text.Get("validation.required", Text.Get("Market.field.goodsId")));
            return await LoadAsync(ct) ?? Page();
        }

        var result = await redeem.HandleAsync(Input with { PersonId = PersonId }, ct);
        if (!result.IsSuccess)
        {
            // Short of points or out of stock: said on this page, which shows the fresh balance and stock.
            return Refuse(result.Error!) ?? await LoadAsync(ct) ?? Page();
        }

        var r = result.Value;
        Notice = Text.Get("Market.ui.redeemed_for", r.PersonName ?? "", r.GoodsName, r.Quantity, r.PickupCode);
        return RedirectToPage("/Market/Counter", new { code = r.PickupCode });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (PersonId is { } personId)
        {
            if (await people.FindAsync(personId, ct) is not { } person)
            {
                return NotFoundPage();
            }

            Person = new Match(person.Id, person.Name, (await ledger.BalanceUnscopedAsync(person.Id, ct)).Balance);
            var shelf = await goods.ListAsync(new ListGoodsRequest { Page = 1, PageSize = 100 }, ct);
            Shelf = shelf.IsSuccess ? shelf.Value.Items : [];
        }
        else if (!string.IsNullOrWhiteSpace(Q))
        {
            // The people the caller may see (IdsNamed is scoped), nearest match first is not needed: a village is small.
            var ids = await people.IdsNamed(Q.Trim()).Take(MaxMatches).ToListAsync(ct);
            var names = await people.NamesAsync(ids, ct);
            var matches = new List<Match>();
            foreach (var (id, name) in names.OrderBy(n => n.Value, StringComparer.Ordinal))
            {
                matches.Add(new Match(id, name, (await ledger.BalanceUnscopedAsync(id, ct)).Balance));
            }

            Matches = matches;
        }

        return null;
    }
}
