using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.GoodsPhoto;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Market;

/// <summary>One item on the shelf: stock in (donation with its donor, purchase, adjustment), edit or take off the shelf, and its inventory ledger.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class GoodsDetailModel(GoodsHandler goods, GoodsPhotoHandler photos) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public StockInRequest Stock { get; set; } = new(null, StockSource.Donation);

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    public GoodsDto Goods { get; private set; } = null!;

    public PageOf<StockMovementDto> Movements { get; private set; } = new([], 1, 20, 0);

    /// <summary>
    /// Not <see cref="EditGoodsRequest"/>: its <c>Active</c> is optional (the API may leave it out), while this
    /// form's checkbox always posts a plain true or false.
    /// </summary>
    public sealed class EditInput
    {
        public string? Name { get; set; }

        public long? PricePoints { get; set; }

        public string? Description { get; set; }

        public bool Active { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await LoadAsync(id, ct);
        if (found is not null)
        {
            return found;
        }

        Edit = new EditInput { Name = Goods.Name, PricePoints = Goods.PricePoints, Description = Goods.Description, Active = Goods.Active };
        return Page();
    }

    public async Task<IActionResult> OnPostStockAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(id, ct) ?? Page();
        }

        var result = await goods.StockInAsync(id, Stock, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "Stock") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Market.ui.stocked", result.Value.Name, result.Value.Stock);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await LoadAsync(id, ct) ?? Page();
        }

        var e = Edit;
        var result = await goods.EditAsync(id, new EditGoodsRequest(e.Name, e.PricePoints, e.Description, e.Active), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "Edit") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Market.ui.saved");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPhotoAsync(long id, IFormFile? file, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var result = await photos.SetAsync(id, file?.FileName, content, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await LoadAsync(id, ct) ?? Page();
        }

        Notice = Text.Get("Market.ui.photo_saved");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var found = await goods.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return Refuse(found.Error!, prefix: "");
        }

        Goods = found.Value;
        var movements = await goods.MovementsAsync(id, new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!movements.IsSuccess)
        {
            return Refuse(movements.Error!, prefix: "");
        }

        Movements = movements.Value;
        return null;
    }
}
