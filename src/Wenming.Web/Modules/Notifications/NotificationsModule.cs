using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Notifications.Features.ListNotifications;
using Wenming.Web.Modules.Notifications.Features.ReadNotifications;
using Wenming.Web.Modules.Notifications.Features.ReminderPreferences;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Notifications;

/// <summary>In-app messages and each person's reminder choices (DESIGN §5 "each next actor is notified", §14).</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<INotifier>(sp => sp.GetRequiredService<Notifier>());
        services.AddScoped<IReminderPreferences>(sp => sp.GetRequiredService<Notifier>());
        services.AddScoped<ListNotificationsHandler>();
        services.AddScoped<ReadNotificationsHandler>();
        services.AddScoped<ReminderPreferencesHandler>();
        return services;
    }

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("notifications");

        group.MapGet("/", async Task<Results<Ok<PageOf<NotificationDto>>, ProblemHttpResult>> (
            [AsParameters] ListNotificationsRequest request, ListNotificationsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("我的消息（最新在前；unreadOnly=true 只看未读）");

        group.MapGet("/unread-count", async (ListNotificationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new UnreadCountDto(await handler.UnreadAsync(ct))))
            .WithSummary("未读消息数");

        group.MapPost("/{id:long}/read", async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> (long id, ReadNotificationsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ReadOneAsync(id, ct)))
            .WithSummary("标记为已读");

        group.MapPost("/read-all", async (ReadNotificationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await handler.ReadAllAsync(ct) }))
            .WithSummary("全部标记为已读");

        group.MapGet("/preferences", async Task<Results<Ok<ReminderPreferencesDto>, ProblemHttpResult>> (ReminderPreferencesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(ct)))
            .WithSummary("活动提醒设置（提前多少小时；可关闭）");

        group.MapPut("/preferences", async Task<Results<Ok<ReminderPreferencesDto>, ProblemHttpResult>> (
            ChangeReminderPreferencesRequest request, ReminderPreferencesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ChangeAsync(request, ct)))
            .WithSummary("修改活动提醒设置");

        return api;
    }
}
