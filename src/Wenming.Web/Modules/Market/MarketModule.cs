using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Export;
using Wenming.Web.Modules.Market.Features.GoodsPhoto;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Market.Features.Redeem;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Market;

/// <summary>The charity supermarket 公益超市 (DESIGN §6): goods per station, the inventory ledger, redemption for points, pickup codes.</summary>
public static class MarketModule
{
    public static IServiceCollection AddMarket(this IServiceCollection services)
    {
        services.AddScoped<MarketAccess>();
        services.AddScoped<GoodsHandler>();
        services.AddScoped<GoodsPhotoHandler>();
        services.AddScoped<RedeemHandler>();
        services.AddScoped<RedemptionsHandler>();
        services.AddScoped<MarketExportsHandler>();
        services.AddScoped<IDemoSeedStep, MarketDemo>();
        return services;
    }

    public static RouteGroupBuilder MapMarket(this RouteGroupBuilder api)
    {
        var market = api.MapGroup("/market").WithTags("market");

        var goods = market.MapGroup("/goods");
        goods.MapGet("/", async Task<Results<Ok<PageOf<GoodsDto>>, ProblemHttpResult>> ([AsParameters] ListGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(request, ct)))
            .WithSummary("公益超市物品：管理员看管辖范围内的（orgUnitId 为该单位及下级），群众看本村（社区）、本镇、本县可兑换的");
        goods.MapPost("/", async Task<Results<Created<GoodsDto>, ProblemHttpResult>> (CreateGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.CreateAsync(request, ct), g => $"/api/v1/market/goods/{g.Id}"))
            .WithSummary("新增物品（积分价格、初始库存；填 donor 时初始库存记为捐赠）");
        goods.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null) =>
            ExcelExport.FileOr(await handler.StockAsync(orgUnitId, ct)))
            .WithSummary("导出库存（Excel）");
        goods.MapGet("/{id:long}", async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> (long id, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(id, ct)))
            .WithSummary("查看物品");
        goods.MapPut("/{id:long}", async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> (long id, EditGoodsRequest request, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.EditAsync(id, request, ct)))
            .WithSummary("修改物品名称、积分价格、说明，上架或下架（active）");
        goods.MapPost("/{id:long}/stock", async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> (long id, StockInRequest request, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.StockInAsync(id, request, ct)))
            .WithSummary("入库或盘点调整：source = Donation（须填 donor）/ Purchase / Adjustment（可为负，须填 note，库存不低于零）")
            .WithIdempotency();
        goods.MapGet("/{id:long}/movements", async Task<Results<Ok<PageOf<StockMovementDto>>, ProblemHttpResult>> (
            long id, [AsParameters] PageRequest paging, GoodsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.MovementsAsync(id, paging, ct)))
            .WithSummary("物品的出入库台账（新的在前）");

        goods.MapPost("/{id:long}/photo", async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> (long id, IFormFile? file, GoodsPhotoHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.OkOr(await handler.SetAsync(id, file?.FileName, content, ct));
        })
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传或更换物品图片（multipart：file；JPEG、PNG、WebP）");
        goods.MapGet("/{id:long}/photo", async (long id, GoodsPhotoHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var opened = await handler.OpenAsync(id, ct);
            if (!opened.IsSuccess)
            {
                return ApiResults.Problem(opened.Error!);
            }

            await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
            return Results.Empty;
        })
            .WithSummary("物品图片（能看到该物品的人）");

        market.MapGet("/stock-movements/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null, long? goodsId = null) =>
            ExcelExport.FileOr(await handler.MovementsAsync(orgUnitId, goodsId, ct)))
            .WithSummary("导出出入库台账（Excel）");

        var redemptions = market.MapGroup("/redemptions");
        redemptions.MapPost("/", async Task<Results<Created<RedemptionDto>, ProblemHttpResult>> (RedeemRequest request, RedeemHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), r => $"/api/v1/market/redemptions/{r.Id}"))
            .WithSummary("积分兑换（群众本人；站管理员可在柜台代群众兑换）：扣积分、减库存，发取货码")
            .WithIdempotency();
        redemptions.MapGet("/mine", async Task<Results<Ok<PageOf<RedemptionDto>>, ProblemHttpResult>> ([AsParameters] PageRequest paging, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.MineAsync(paging, ct)))
            .WithSummary("我的兑换（含取货码）");
        redemptions.MapGet("/", async Task<Results<Ok<PageOf<RedemptionDto>>, ProblemHttpResult>> (
            [AsParameters] ListRedemptionsRequest request, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(request, ct)))
            .WithSummary("兑换记录：管辖范围内（orgUnitId 为该单位及下级），可按状态筛选");
        redemptions.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null, RedemptionStatus? status = null) =>
            ExcelExport.FileOr(await handler.RedemptionsAsync(orgUnitId, status, ct)))
            .WithSummary("导出兑换记录（Excel）");
        redemptions.MapGet("/{id:long}", async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> (long id, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(id, ct)))
            .WithSummary("查看兑换");
        redemptions.MapPost("/pickup", async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> (PickupRequest request, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.PickUpByCodeAsync(request, ct)))
            .WithSummary("柜台核销：凭取货码发放（每个取货码只能用一次）");
        redemptions.MapPost("/{id:long}/pickup", async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> (long id, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.PickUpAsync(id, ct)))
            .WithSummary("柜台核销：按兑换记录确认发放");
        redemptions.MapPost("/{id:long}/cancel", async Task<Results<Ok<RedemptionDto>, ProblemHttpResult>> (long id, RedemptionsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.CancelAsync(id, ct)))
            .WithSummary("取消兑换（领取前；本人或柜台）：退还积分和库存，仅一次");
        return api;
    }
}
