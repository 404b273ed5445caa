using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.FollowOrder;
using Wenming.Web.Modules.Orders.Features.ListOrders;
using Wenming.Web.Modules.Orders.Features.OrderPhotos;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Orders;

/// <summary>我的点单: the resident's orders with their timelines; withdraw until accepted, rate in one tap.</summary>
[Authorize]
public sealed class MineModel(ListOrdersHandler list, FollowOrderHandler follow, OrderPhotosHandler photos) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Comment { get; set; }

    public PageOf<OrderDto> Result { get; private set; } = new([], 1, 20, 0);

    /// <summary>The service photos of the orders on this page (the requester's own, so no further check).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<OrderPhotoDto>> Photos { get; private set; } = new Dictionary<long, IReadOnlyList<OrderPhotoDto>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.MineAsync(new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        Photos = await photos.OfOrdersAsync([.. Result.Items.Select(o => o.Id)], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        var result = await follow.WithdrawAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Orders.ui.withdrawn");
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostRateAsync(long id, int stars, CancellationToken ct)
    {
        var result = await follow.RateAsync(id, new RateOrderRequest(stars, Comment), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Orders.ui.rated", stars);
        return RedirectToPage(new { p = PageNumber });
    }
}
