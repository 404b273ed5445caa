using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Content;

/// <summary>Admins write and review articles; everyone finds the portal of their unit on the home page (ContentHome).</summary>
public sealed class ContentNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Content", "Content.nav.articles", "/content", 143, a => a.IsAdmin, ["/content"]) { Group = NavGroups.Community },
    ];
}
