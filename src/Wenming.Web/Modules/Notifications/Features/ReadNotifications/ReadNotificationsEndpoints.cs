using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Notifications.Features.ListNotifications;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Notifications.Features.ReadNotifications;

/// <summary>The HTTP side of <see cref="ReadNotificationsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ReadNotificationsEndpoints
{
    public static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> ReadOne(long id, ReadNotificationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReadOneAsync(id, ct));

    public static async Task<IResult> ReadAll(ReadNotificationsHandler handler, CancellationToken ct) =>
        TypedResults.Ok(new { marked = await handler.ReadAllAsync(ct) });
}
