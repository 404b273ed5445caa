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
        services.AddScoped<Contracts.IInbox>(sp => sp.GetRequiredService<ListNotificationsHandler>());
        services.AddScoped<ReadNotificationsHandler>();
        services.AddScoped<ReminderPreferencesHandler>();
        return services;
    }

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("notifications");

        group.MapGet("/", ListNotificationsEndpoints.ListNotifications)
            .WithSummary("我的消息（最新在前；unreadOnly=true 只看未读）");

        group.MapGet("/unread-count", ListNotificationsEndpoints.Unread)
            .WithSummary("未读消息数");

        group.MapPost("/{id:long}/read", ReadNotificationsEndpoints.ReadOne)
            .WithSummary("标记为已读");

        group.MapPost("/read-all", ReadNotificationsEndpoints.ReadAll)
            .WithSummary("全部标记为已读");

        group.MapGet("/preferences", ReminderPreferencesEndpoints.Get)
            .WithSummary("活动提醒设置（提前多少小时；可关闭）");

        group.MapPut("/preferences", ReminderPreferencesEndpoints.Change)
            .WithSummary("修改活动提醒设置");

        return api;
    }
}
