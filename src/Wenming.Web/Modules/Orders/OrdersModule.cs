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
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Orders;

/// <summary>The service loop 点单 → 派单 → 接单 → 评单 with deadlines and escalation (DESIGN §5).</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<OrderAccess>();
        services.AddScoped<Contracts.IServiceCatalogue, Contracts.ServiceCatalogue>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.OrderIndicators>();
        services.AddRollupTrigger<Features.Indicators.OrderIndicators, Domain.Order>(Features.Indicators.OrderIndicators.Touched);
        services.AddScoped<OrderDeadlineRules>();
        // The departments' teams (ADR 0060), seeded before this module's orders are passed to them.
        services.AddScoped<IDemoSeedStep, Demo.DepartmentsDemo>();
        services.AddScoped<Contracts.IClaimDeadlines>(sp => sp.GetRequiredService<OrderDeadlineRules>());
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
        services.AddScoped<Contracts.IOverdueOrders, OverdueOrders>();
        services.AddScoped<IDemoSeedStep, OrdersDemo>();
        services.AddScoped<IDemoSeedStep, OrderHistoryDemo>();
        return services;
    }

    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/service-items").WithTags("orders");
        items.MapGet("/", ServiceItemsEndpoints.List)
            .WithSummary("服务项目清单：管理员看管辖范围内的，群众看本村（社区）、本镇、本县可点的");
        items.MapPost("/", ServiceItemsEndpoints.Create)
            .WithSummary("新增服务项目");

        var rules = api.MapGroup("/order-rules").WithTags("orders");
        rules.MapGet("/{countyId:long}", DeadlineRulesEndpoints.Get)
            .WithSummary("本县点单时限（派单、接单、完成、自动结单）");
        rules.MapPut("/{countyId:long}", DeadlineRulesEndpoints.Set)
            .WithSummary("修改本县点单时限（中心管理员）");

        var orders = api.MapGroup("/orders").WithTags("orders");
        orders.MapPost("/", SubmitOrderEndpoints.SubmitOrder)
            .WithSummary("点单（群众本人；站管理员可代群众点单，填 requesterPersonId）")
            .WithIdempotency();
        orders.MapGet("/mine", ListOrdersEndpoints.Mine)
            .WithSummary("我的点单（含进度）");
        orders.MapGet("/board", ListOrdersEndpoints.Board)
            .WithSummary("派单台：管辖范围内的点单，按时限排序并亮灯；demands=true 为需求清单");
        orders.MapGet("/inbox", ListOrdersEndpoints.Inbox)
            .WithSummary("队长接单箱：派给本队的点单和本单位抢单池");
        orders.MapGet("/{id:long}", GetOrderEndpoints.GetOrder)
            .WithSummary("查看点单及其流转记录");

        orders.MapPost("/{id:long}/dispatch", DispatchOrderEndpoints.Dispatch)
            .WithSummary("派单：{teamId} 定向派给队伍，或 {mode:\"Pool\"} 放入抢单池");
        orders.MapPost("/{id:long}/reassign", DispatchOrderEndpoints.Reassign)
            .WithSummary("改派给其他队伍或抢单池");
        orders.MapPost("/{id:long}/escalate", DispatchOrderEndpoints.Escalate)
            .WithSummary("上报上级单位派单");
        orders.MapPost("/{id:long}/department", DispatchOrderEndpoints.ToDepartment)
            .WithSummary("转部门：{departmentId} 交本县职能部门办理，由部门管理员认领首办");
        orders.MapPost("/{id:long}/first-handler", DispatchOrderEndpoints.ClaimFirst)
            .WithSummary("认领首办（部门管理员；先认领者为首办人，负责到结单）");
        orders.MapPost("/{id:long}/reject", DispatchOrderEndpoints.Reject)
            .WithSummary("驳回点单（须填写理由，仅点单人可见）");
        orders.MapPost("/{id:long}/claim", ServeOrderEndpoints.Claim)
            .WithSummary("抢单（队长；抢单池中的点单，先到先得）");
        orders.MapPost("/{id:long}/accept", ServeOrderEndpoints.Accept)
            .WithSummary("接单并约定完成时间（默认 7 天）");
        orders.MapPost("/{id:long}/decline", ServeOrderEndpoints.Decline)
            .WithSummary("谢绝接单（须填写理由），点单退回待派单");
        orders.MapPost("/{id:long}/complete", ServeOrderEndpoints.Complete)
            .WithSummary("报告完成：服务内容、参与志愿者及时长（生成志愿服务记录）");
        orders.MapPost("/{id:long}/withdraw", FollowOrderEndpoints.Withdraw)
            .WithSummary("撤单（接单前）");
        orders.MapPost("/{id:long}/rate", FollowOrderEndpoints.Rate)
            .WithSummary("评单：1–5 星和评价，仅一次")
            .WithIdempotency();
        orders.MapOrderPhotos();
        return api;
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.Order), "Orders.entity.Order").Entity(nameof(Domain.ServiceItem), "Orders.entity.ServiceItem")
        .Entity(nameof(Domain.OrderPhoto), "Orders.entity.OrderPhoto").Entity(nameof(Domain.OrderDeadlineRule), "Orders.entity.OrderDeadlineRule")
        .Enum<Domain.OrderStatus>(s => Text.Get("Orders.status." + s)).Enum<Domain.OrderLight>(l => Text.Get("Orders.light." + l))
        .Enum<Domain.DispatchMode>(m => m == Domain.DispatchMode.Directed ? Text.Get("Orders.dispatch.Directed") : Text.Get("Orders.dispatch.Pool"));
}
