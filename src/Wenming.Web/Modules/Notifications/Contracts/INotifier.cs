namespace Wenming.Web.Modules.Notifications.Contracts;

/// <summary>An in-app message. <paramref name="Link"/> is a site-relative page path such as <c>/Activities/Detail/5</c>.</summary>
public sealed record Notice(string Title, string Body, string? Link = null);

/// <summary>
/// How modules tell people that something needs them (DESIGN §5 "each next actor is notified in-app",
/// §14 reminders). The messages are added to the current unit of work and written by the caller's
/// <c>SaveChangesAsync</c>, in the same transaction, so a refused change notifies no one.
/// </summary>
public interface INotifier
{
    /// <summary>A message to every active account linked to the person (resident, volunteer, team leader).</summary>
    Task ToPersonAsync(long personId, Notice notice, CancellationToken ct);

    /// <summary>A message to every active admin account bound to the unit itself (not to its ancestors).</summary>
    Task ToUnitAdminsAsync(long orgUnitId, Notice notice, CancellationToken ct);
}
