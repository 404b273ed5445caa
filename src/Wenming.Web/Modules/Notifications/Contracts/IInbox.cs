namespace Wenming.Web.Modules.Notifications.Contracts;

/// <summary>The signed-in person's inbox as the page frame shows it: the unread badge.</summary>
public interface IInbox
{
    Task<int> UnreadAsync(CancellationToken ct);
}
