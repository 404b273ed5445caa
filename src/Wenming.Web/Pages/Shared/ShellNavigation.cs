using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Shared;

/// <summary>The shell's own links: home, the operators' dead letters (Platform) and "me".</summary>
public sealed class ShellNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Shell", "Shell.nav.home", "/", 10, a => a.IsAdmin || !NavAudience.IsOverseer(a), []),
        new("Shell", "Ops.nav.dead_letters", "/ops/dead-letters", 160, a => a.IsSystemAdmin, ["/ops"]) { Group = NavGroups.System },
        new("Shell", "Shell.nav.me", "/me", 170, a => !NavAudience.IsOverseer(a), []),
    ];
}
