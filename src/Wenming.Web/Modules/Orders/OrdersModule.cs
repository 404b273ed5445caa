using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.DeadlineRules;
using Wenming.Web.Modules.Orders.Features.DispatchOrder;
using Wenming.Web.Modules.Orders.Features.FollowOrder;
using Wenming.Web.Modules.Orders.Features.GetOrder;
using Wenming.Web.Modules.Orders.Features.ListOrders;
using Wenming.Web.Modules.Orders.Features.OrderPhotos;
using Wenming.Web.Modules.Orders.Features.ServeOrder;
using Wenming.Web.Modules.Orders.Features.ServiceItems;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Orders.Features.SweepDeadlines;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Orders;

/// <summary>The service loop 点单 → 派单 → 接单 → 评单 with deadlines and escalation (DESIGN §5).</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddScoped<OrderAccess>();
        services.AddScoped<OrderDeadlineRules>();
        services.AddScoped<OrderNames>();
        services.AddScoped<People.Contracts.IPersonDataEraser, Features.Privacy.OrdersPersonData>();
        services.AddScoped<People.Contracts.IPersonActivity, Features.Privacy.OrdersPersonData>();
        services.AddScoped<OrderSteps>();
        services.AddScoped<SubmitOrderHandler>();
        services.AddScoped<DispatchOrderHandler>();
        services.AddScoped<ServeOrderHandler>();
        services.AddScoped<FollowOrderHandler>();
        services.AddScoped<GetOrderHandler>();
        services.AddScoped<ListOrdersHandler>();
        services.AddScoped<OrderPhotosHandler>();
        services.AddScoped<ServiceItemsHandler>();
        services.AddScoped<DeadlineRulesHandler>();
        services.AddJob<SweepDeadlinesHandler>();
        services.AddScoped<IDemoSeedStep, OrdersDemo>();
        return services;
    }

    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/service-items").WithTags("orders");
        items.MapGet("/", async Task<Results<Ok<PageOf<ServiceItemDto>>, ProblemHttpResult>> (
            [AsParameters] ListServiceItemsRequest request, ServiceItemsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(request, ct)))
            .WithSummary("服务项目清单：管理员看管辖范围内的，群众看本村（社区）、本镇、本县可点的");
        items.MapPost("/", async Task<Results<Created<ServiceItemDto>, ProblemHttpResult>> (CreateServiceItemRequest request, ServiceItemsHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.CreateAsync(request, ct), i => $"/api/v1/service-items/{i.Id}"))
            .WithSummary("新增服务项目");

        var rules = api.MapGroup("/order-rules").WithTags("orders");
        rules.MapGet("/{countyId:long}", async Task<Results<Ok<DeadlineRulesDto>, ProblemHttpResult>> (long countyId, DeadlineRulesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(countyId, ct)))
            .WithSummary("本县点单时限（派单、接单、完成、自动结单）");
        rules.MapPut("/{countyId:long}", async Task<Results<Ok<DeadlineRulesDto>, ProblemHttpResult>> (
            long countyId, SetDeadlineRulesRequest request, DeadlineRulesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.SetAsync(countyId, request, ct)))
            .WithSummary("修改本县点单时限（中心管理员）");

        var orders = api.MapGroup("/orders").WithTags("orders");
        orders.MapPost("/", async Task<Results<Created<OrderDto>, ProblemHttpResult>> (SubmitOrderRequest request, SubmitOrderHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), o => $"/api/v1/orders/{o.Id}"))
            .WithSummary("点单（群众本人；站管理员可代群众点单，填 requesterPersonId）")
            .WithIdempotency();
        orders.MapGet("/mine", async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> ([AsParameters] PageRequest paging, ListOrdersHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.MineAsync(paging, ct)))
            .WithSummary("我的点单（含进度）");
        orders.MapGet("/board", async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> ([AsParameters] OrderBoardRequest request, ListOrdersHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.BoardAsync(request, ct)))
            .WithSummary("派单台：管辖范围内的点单，按时限排序并亮灯；demands=true 为需求清单");
        orders.MapGet("/inbox", async Task<Results<Ok<PageOf<OrderDto>>, ProblemHttpResult>> (
            [AsParameters] PageRequest paging, ListOrdersHandler handler, CancellationToken ct, bool? all = null) =>
            ApiResults.OkOr(await handler.InboxAsync(paging, open: all != true, ct)))
            .WithSummary("队长接单箱：派给本队的点单和本单位抢单池");
        orders.MapGet("/{id:long}", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, GetOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ct)))
            .WithSummary("查看点单及其流转记录");

        orders.MapPost("/{id:long}/dispatch", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, DispatchOrderRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.DispatchAsync(id, request, ct)))
            .WithSummary("派单：{teamId} 定向派给队伍，或 {mode:\"Pool\"} 放入抢单池");
        orders.MapPost("/{id:long}/reassign", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, DispatchOrderRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ReassignAsync(id, request, ct)))
            .WithSummary("改派给其他队伍或抢单池");
        orders.MapPost("/{id:long}/escalate", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, DispatchOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.EscalateAsync(id, ct)))
            .WithSummary("上报上级单位派单");
        orders.MapPost("/{id:long}/reject", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, ReasonRequest request, DispatchOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.RejectAsync(id, request, ct)))
            .WithSummary("驳回点单（须填写理由，仅点单人可见）");
        orders.MapPost("/{id:long}/claim", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (
            long id, ServeOrderHandler handler, CancellationToken ct, ClaimOrderRequest? request = null) =>
            ApiResults.OkOr(await handler.ClaimAsync(id, request ?? new ClaimOrderRequest(null), ct)))
            .WithSummary("抢单（队长；抢单池中的点单，先到先得）");
        orders.MapPost("/{id:long}/accept", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (
            long id, ServeOrderHandler handler, CancellationToken ct, AcceptOrderRequest? request = null) =>
            ApiResults.OkOr(await handler.AcceptAsync(id, request ?? new AcceptOrderRequest(null), ct)))
            .WithSummary("接单并约定完成时间（默认 7 天）");
        orders.MapPost("/{id:long}/decline", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, ReasonRequest request, ServeOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.DeclineAsync(id, request, ct)))
            .WithSummary("谢绝接单（须填写理由），点单退回待派单");
        orders.MapPost("/{id:long}/complete", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, CompleteOrderRequest request, ServeOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.CompleteAsync(id, request, ct)))
            .WithSummary("报告完成：服务内容、参与志愿者及时长（生成志愿服务记录）");
        orders.MapPost("/{id:long}/withdraw", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, FollowOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.WithdrawAsync(id, ct)))
            .WithSummary("撤单（接单前）");
        orders.MapPost("/{id:long}/rate", async Task<Results<Ok<OrderDto>, ProblemHttpResult>> (long id, RateOrderRequest request, FollowOrderHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.RateAsync(id, request, ct)))
            .WithSummary("评单：1–5 星和评价，仅一次")
            .WithIdempotency();
        orders.MapOrderPhotos();
        return api;
    }
}
