using System.Reflection;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Hosting;

/// <summary>
/// One link of the main menu. <paramref name="Path"/> is the URL, not the page name, so moving a
/// page between folders does not break the menu.
/// </summary>
/// <param name="Module">Which module contributes it (the group it belongs to).</param>
/// <param name="TextKey">The resource key of its text.</param>
/// <param name="Path">Where it points.</param>
/// <param name="Order">Its place in the menu; the menu is one list across modules.</param>
/// <param name="Shows">Who sees it.</param>
/// <param name="Sections">
/// The URLs under which it is marked as the current page (a URL equal to one of them or below it);
/// empty means only <paramref name="Path"/> itself.
/// </param>
/// <param name="Outside">URLs under a section that still do not mark it (e.g. a certificate under /volunteers/); "*" stands for one segment.</param>
public sealed record NavEntry(
    string Module,
    string TextKey,
    string Path,
    int Order,
    Func<CurrentActor, bool> Shows,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string>? Outside = null)
{
    /// <summary>The heading it sits under when the menu is long enough to be grouped; none stands alone.</summary>
    public NavGroup? Group { get; init; }

    public bool IsCurrent(string requestPath)
    {
        var path = requestPath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }

        if (Sections.Count == 0)
        {
            return string.Equals(path, Path, StringComparison.OrdinalIgnoreCase);
        }

        return Sections.Any(s => Under(path, s)) && !(Outside ?? []).Any(o => Under(path, o));
    }

    private static bool Under(string path, string section)
    {
        var have = path.Split('/');
        var want = section.TrimEnd('/').Split('/');
        return have.Length >= want.Length
            && want.Select((segment, i) => segment == "*" || string.Equals(segment, have[i], StringComparison.OrdinalIgnoreCase)).All(match => match);
    }
}

/// <summary>A heading of the main menu: a subject several modules' links share.</summary>
/// <param name="TextKey">The resource key of its text.</param>
/// <param name="Order">Its place among the headings and the links that stand alone.</param>
public sealed record NavGroup(string TextKey, int Order);

/// <summary>
/// The menu's headings. A county admin has close to thirty links: in one row they wrapped over three
/// lines of the top bar, so a long menu is shown under these subjects instead. They are by subject,
/// not by module, because people look for "督导考评", not for the module that happens to own a page.
/// </summary>
public static class NavGroups
{
    public static readonly NavGroup Data = new("Shell.navgroup.data", 15);
    public static readonly NavGroup Organization = new("Shell.navgroup.org", 20);
    public static readonly NavGroup Volunteering = new("Shell.navgroup.volunteering", 60);
    public static readonly NavGroup Activities = new("Shell.navgroup.activities", 80);
    public static readonly NavGroup Points = new("Shell.navgroup.points", 120);
    public static readonly NavGroup Oversight = new("Shell.navgroup.oversight", 140);
    public static readonly NavGroup Community = new("Shell.navgroup.community", 145);
    public static readonly NavGroup System = new("Shell.navgroup.system", 150);
}

/// <summary>One item of the top bar: a link standing alone, or a heading with its links.</summary>
public sealed record NavItem(NavGroup? Group, IReadOnlyList<NavEntry> Links);

/// <summary>What a module adds to the main menu; each module's UI folder has one (Pages/X/XNavigation.cs).</summary>
public interface INavigationContributor
{
    IEnumerable<NavEntry> Entries { get; }
}

/// <summary>
/// The main menu, put together from every module's contributor. Found by reflection once, so adding
/// a module's menu touches only that module's folder.
/// </summary>
public static class Navigation
{
    private static readonly Lazy<IReadOnlyList<NavEntry>> All = new(() => Collect(typeof(Navigation).Assembly));

    public static IReadOnlyList<NavEntry> Entries => All.Value;

    /// <summary>The entries the actor sees, in menu order.</summary>
    public static IReadOnlyList<NavEntry> For(CurrentActor actor) =>
        actor.IsAuthenticated ? [.. Entries.Where(e => e.Shows(actor))] : [];

    /// <summary>
    /// A menu this short is shown as it is: a resident's eleven or a team leader's fifteen links read
    /// better in one list than behind headings, and on a phone every extra tap costs.
    /// </summary>
    public const int FlatLimit = 15;

    /// <summary>
    /// The top bar's items for the actor: each link alone while the menu is short; past
    /// <see cref="FlatLimit"/>, links under their headings (a heading with one link is just the link).
    /// </summary>
    public static IReadOnlyList<NavItem> Menu(CurrentActor actor)
    {
        var links = For(actor);
        if (links.Count <= FlatLimit)
        {
            return [.. links.Select(l => new NavItem(null, [l]))];
        }

        var alone = links.Where(l => l.Group is null).Select(l => (Order: l.Order, Item: new NavItem(null, [l])));
        var grouped = links
            .Where(l => l.Group is not null)
            .GroupBy(l => l.Group!)
            .Select(g => (Order: g.Key.Order, Item: g.Count() == 1 ? new NavItem(null, [.. g]) : new NavItem(g.Key, [.. g])));
        return [.. alone.Concat(grouped).OrderBy(i => i.Order).Select(i => i.Item)];
    }

    public static IReadOnlyList<NavEntry> Collect(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => typeof(INavigationContributor).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((INavigationContributor)Activator.CreateInstance(t)!).Entries)
            .OrderBy(e => e.Order),
    ];
}
