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

    public static IReadOnlyList<NavEntry> Collect(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => typeof(INavigationContributor).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((INavigationContributor)Activator.CreateInstance(t)!).Entries)
            .OrderBy(e => e.Order),
    ];
}
