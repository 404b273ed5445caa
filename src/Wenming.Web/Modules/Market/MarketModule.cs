using Wenming.Web.Modules.Market.Features;
using Wenming.Web.Modules.Market.Features.Export;
using Wenming.Web.Modules.Market.Features.GoodsPhoto;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Market.Features.Redeem;
using Wenming.Web.Modules.Market.Features.Redemptions;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Market;

/// <summary>The charity supermarket 公益超市 (DESIGN §6): goods per station, the inventory ledger, redemption for points, pickup codes.</summary>
public static class MarketModule
{
    public static IServiceCollection AddMarket(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<MarketAccess>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.MarketIndicators>();
        services.AddRollupTrigger<Features.Indicators.MarketIndicators, Domain.Redemption>(Features.Indicators.MarketIndicators.Touched);
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
        goods.MapGet("/", GoodsEndpoints.List)
            .WithSummary("公益超市物品：管理员看管辖范围内的（orgUnitId 为该单位及下级），群众看本村（社区）、本镇、本县可兑换的");
        goods.MapPost("/", GoodsEndpoints.Create).WithSummary("新增物品（积分价格、初始库存；填 donor 时初始库存记为捐赠）");
        goods.MapGet("/export", MarketExportEndpoints.Stock).WithSummary("导出库存（Excel）");
        goods.MapGet("/{id:long}", GoodsEndpoints.Get).WithSummary("查看物品");
        goods.MapPut("/{id:long}", GoodsEndpoints.Edit).WithSummary("修改物品名称、积分价格、说明，上架或下架（active）");
        goods.MapPost("/{id:long}/stock", GoodsEndpoints.StockIn)
            .WithSummary("入库或盘点调整：source = Donation（须填 donor）/ Purchase / Adjustment（可为负，须填 note，库存不低于零）")
            .WithIdempotency();
        goods.MapGet("/{id:long}/movements", GoodsEndpoints.Movements).WithSummary("物品的出入库台账（新的在前）");
        goods.MapPost("/{id:long}/photo", GoodsPhotoEndpoints.Upload)
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传或更换物品图片（multipart：file；JPEG、PNG、WebP）");
        goods.MapGet("/{id:long}/photo", GoodsPhotoEndpoints.Open).WithSummary("物品图片（能看到该物品的人）");

        market.MapGet("/stock-movements/export", MarketExportEndpoints.Movements).WithSummary("导出出入库台账（Excel）");

        var redemptions = market.MapGroup("/redemptions");
        redemptions.MapPost("/", RedeemEndpoints.Redeem)
            .WithSummary("积分兑换（群众本人；站管理员可在柜台代群众兑换）：扣积分、减库存，发取货码")
            .WithIdempotency();
        redemptions.MapGet("/mine", RedemptionsEndpoints.Mine).WithSummary("我的兑换（含取货码）");
        redemptions.MapGet("/", RedemptionsEndpoints.List).WithSummary("兑换记录：管辖范围内（orgUnitId 为该单位及下级），可按状态筛选");
        redemptions.MapGet("/export", MarketExportEndpoints.Redemptions).WithSummary("导出兑换记录（Excel）");
        redemptions.MapGet("/{id:long}", RedemptionsEndpoints.Get).WithSummary("查看兑换");
        redemptions.MapPost("/pickup", RedemptionsEndpoints.PickUpByCode).WithSummary("柜台核销：凭取货码发放（每个取货码只能用一次）");
        redemptions.MapPost("/{id:long}/pickup", RedemptionsEndpoints.PickUp).WithSummary("柜台核销：按兑换记录确认发放");
        redemptions.MapPost("/{id:long}/cancel", RedemptionsEndpoints.Cancel).WithSummary("取消兑换（领取前；本人或柜台）：退还积分和库存，仅一次");
        return api;
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.Goods), "Market.entity.Goods").Entity(nameof(Domain.Redemption), "Market.entity.Redemption")
        .Entity(nameof(Domain.StockMovement), "Market.entity.StockMovement")
        .Enum<Domain.RedemptionStatus>(s => Text.Get("Market.status." + s)).Enum<Domain.StockSource>(s => Text.Get("Market.source." + s));
}
