using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Notifications.Features.ListNotifications;

public sealed record NotificationDto(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

public sealed record ListNotificationsRequest
{
    public bool? UnreadOnly { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed record UnreadCountDto(int Unread);

/// <summary>The signed-in account's own messages, newest first; nobody reads another account's inbox.</summary>
public sealed class ListNotificationsHandler(AppDbContext db, CurrentActor actor) : Contracts.IInbox
{
    public async Task<Result<PageOf<NotificationDto>>> HandleAsync(ListNotificationsRequest request, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return Error.Of("auth.unauthorized", ErrorKind.Unauthorized);
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        if (request.UnreadOnly == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        return new PageOf<NotificationDto>([.. rows.Select(ToDto)], paging.SafePage, paging.SafePageSize, total);
    }

    public async Task<int> UnreadAsync(CancellationToken ct) =>
        actor.UserId is { } userId ? await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct) : 0;

    internal static NotificationDto ToDto(Notification n) =>
        new(n.Id, n.Title, n.Body, n.Link, Utc(n.CreatedAt), n.ReadAt is { } read ? Utc(read) : null);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
