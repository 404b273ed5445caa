using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Content;

/// <summary>Content 两心融合 (DESIGN §10): articles written, reviewed by another person and published to a subtree; the public portal's reads.</summary>
public static class ContentModule
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<PortalCache>();
        services.AddScoped<ArticlesHandler>();
        services.AddScoped<PublicArticlesHandler>();
        services.AddScoped<PortalSections>();
        services.AddScoped<IDemoSeedStep, ContentDemo>();
        return services;
    }

    public static RouteGroupBuilder MapContent(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("articles");
        articles.MapPost("/", ContentEndpoints.Create)
            .WithSummary("写文章（草稿）：kind 为 News/Notice/Study/ActivityReport，body 为 Markdown（不渲染原始 HTML）")
            .WithIdempotency();
        articles.MapPost("/from-activity/{activityId:long}", ContentEndpoints.FromActivity)
            .WithSummary("生成活动报道：由已结束活动的档案（时间、地点、参加人数、服务时长、照片）生成草稿，作者修改后照常提交审核")
            .WithIdempotency();
        articles.MapGet("/", ContentEndpoints.List).WithSummary("管辖范围内的文章（按单位、状态、类别筛选），最近改动的在前");
        articles.MapGet("/settings", ContentEndpoints.Settings).WithSummary("本县的审核规则：secondReview 为 true 时须两人审核（三审）");
        articles.MapPut("/settings", ContentEndpoints.SetSettings).WithSummary("设置本县是否三审（县中心）");
        articles.MapGet("/{id:long}", ContentEndpoints.Get).WithSummary("查看文章（含 Markdown 原文与审核记录）");
        articles.MapPut("/{id:long}", ContentEndpoints.Update).WithSummary("修改草稿（新写的或被退回的）");
        articles.MapPost("/{id:long}/submit", ContentEndpoints.Submit).WithSummary("提交审核");
        articles.MapPost("/{id:long}/approve", ContentEndpoints.Approve).WithSummary("审核通过（作者以外的人；三审时第二人须另一人，409 article.own_article）");
        articles.MapPost("/{id:long}/reject", ContentEndpoints.Reject).WithSummary("退回修改（作者以外的人），须填原因：回到草稿");
        articles.MapPost("/{id:long}/publish", ContentEndpoints.Publish).WithSummary("发布已审核的文章到本单位及下级：可置顶、可设下线时间");
        articles.MapPost("/{id:long}/withdraw", ContentEndpoints.Withdraw).WithSummary("撤下已发布的文章");
        return api;
    }

    /// <summary>Published content for anyone, no sign-in (API.md public rows).</summary>
    public static RouteGroupBuilder MapContentAnonymous(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public/articles").WithTags("articles").AllowAnonymous();
        open.MapGet("/", ContentEndpoints.PublicList).WithSummary("已发布的文章（公开）：本单位及上级单位发布的，置顶在前；过期的不再显示");
        open.MapGet("/{id:long}", ContentEndpoints.PublicGet).WithSummary("阅读已发布的文章（公开）：正文为净化后的 HTML");
        var portal = api.MapGroup("/public").WithTags("portal").AllowAnonymous();
        portal.MapGet("/activities", ContentEndpoints.PublicActivities)
            .WithSummary("近期活动（公开）：本单位及上级单位已发布、未结束的活动，最近的在前；recruiting=true 只列仍可报名的（志愿者招募）");
        portal.MapGet("/services", ContentEndpoints.PublicServices)
            .WithSummary("服务菜单（公开）：本单位及上级单位可点的服务项目；点单须登录");
        portal.MapGet("/points/notices", ContentEndpoints.PublicNotices)
            .WithSummary("积分公示（公开）：本单位及下级单位公示中与近期已入账的奖励和扣分，姓名脱敏（张*三）");
        portal.MapGet("/points/ranking", ContentEndpoints.PublicRanking)
            .WithSummary("积分榜（公开）：本单位及下级单位的人按累计获得积分排名，姓名脱敏（张*三）");
        return api;
    }

    /// <summary>The pictures of published articles, outside /api so that pages and shared links show them.</summary>
    public static WebApplication MapContentFiles(this WebApplication app)
    {
        app.MapGet("/portal/articles/{id:long}/files/{fileId:long}", ContentEndpoints.PublicFile).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
