using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Notifications;

/// <summary>
/// Nothing in the main list: the inbox sits next to the signed-in name with its unread count
/// (_Layout), where people look for it on every page.
/// </summary>
public sealed class NotificationsNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries => [];
}
