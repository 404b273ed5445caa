using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Export;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>公益超市管理: the goods of the admin's subtree with their stock, new goods, and the three exports.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class GoodsModel(GoodsHandler goods, MarketExportsHandler exports, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CreateGoodsRequest Input { get; set; } = new(null, null, null, 0);

    public PageOf<GoodsDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await goods.ListAsync(new ListGoodsRequest { IncludeInactive = true, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(g => g.OrgUnitId), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await goods.CreateAsync(Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Market.ui.goods_created", result.Value.Name);
        return RedirectToPage("/Market/GoodsDetail", new { id = result.Value.Id });
    }

    public async Task<IActionResult> OnGetExportStockAsync(CancellationToken ct) =>
        ExcelPage.File(this, await exports.StockAsync(null, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnGetExportMovementsAsync(long? goodsId, CancellationToken ct) =>
        ExcelPage.File(this, await exports.MovementsAsync(null, goodsId, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnGetExportRedemptionsAsync(CancellationToken ct) =>
        ExcelPage.File(this, await exports.RedemptionsAsync(null, null, ct)) ?? await OnGetAsync(ct);
}
