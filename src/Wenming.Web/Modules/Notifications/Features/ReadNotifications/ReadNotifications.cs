using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Domain;
using Wenming.Web.Modules.Notifications.Features.ListNotifications;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Notifications.Features.ReadNotifications;

/// <summary>Marks messages read. Another account's message answers 404, like anything not one's own.</summary>
public sealed class ReadNotificationsHandler(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<Result<NotificationDto>> ReadOneAsync(long id, CancellationToken ct)
    {
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == actor.UserId, ct);
        if (notification is null)
        {
            return Error.NotFound("notification.not_found");
        }

        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ListNotificationsHandler.ToDto(notification);
    }

    /// <returns>How many were unread.</returns>
    public async Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement: a message arriving meanwhile stays unread rather than being lost in a read-modify-write.
        return await db.Set<Notification>().Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
