using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Notifications.Features.ListNotifications;

/// <summary>The HTTP side of <see cref="ListNotificationsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListNotificationsEndpoints
{
    public static async Task<Results<Ok<PageOf<NotificationDto>>, ProblemHttpResult>> ListNotifications([AsParameters] ListNotificationsRequest request, ListNotificationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));

    public static async Task<IResult> Unread(ListNotificationsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountDto(await handler.UnreadAsync(ct)));
}
