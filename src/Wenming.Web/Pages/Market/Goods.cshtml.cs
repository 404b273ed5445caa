using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Export;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>公益超市管理: the goods of the admin's subtree with their stock, new goods, and the three exports.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class GoodsModel(GoodsHandler goods, MarketExportsHandler exports, AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public GoodsInput Input { get; set; } = new();

    public PageOf<GoodsDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public sealed class GoodsInput
    {
        public long? OrgUnitId { get; set; }

        public string? Name { get; set; }

        public int? PricePoints { get; set; }

        public int? Stock { get; set; } = 0;

        public string? Donor { get; set; }

        public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await goods.ListAsync(new ListGoodsRequest(null, IncludeInactive: true, Page: Math.Max(1, PageNumber)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Units = await UnitChoices.ActiveAsync(db, OrgLevel.County, ct);
        UnitNames = await UnitChoices.NamesAsync(db, Result.Items.Select(g => g.OrgUnitId), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var i = Input;
        var result = await goods.CreateAsync(new CreateGoodsRequest(i.OrgUnitId, i.Name, i.PricePoints, i.Stock, i.Description, i.Donor), ct);
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
