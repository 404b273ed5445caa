using System.Reflection;

namespace Wenming.Web.Pages.Shared;

/// <summary>
/// One line of a home-page card: a link to where the work is, with a count when it is a to-do
/// (<paramref name="Alert"/> marks counts that are late, e.g. red orders) or a short value (a balance, or a due state in red).
/// </summary>
/// <param name="Text">What the person reads (already in Chinese).</param>
/// <param name="Path">Where it leads; only pages the role may open.</param>
/// <param name="Count">A number of things waiting; zero is shown too, so the person knows nothing waits.</param>
/// <param name="Value">A short value instead of a count (a balance, a state).</param>
/// <param name="Alert">The count or value shown in red: something is late or due. A link with neither shows no alert.</param>
/// <param name="TestId">A stable hook for tests.</param>
public sealed record HomeLink(string Text, string Path, long? Count = null, string? Value = null, bool Alert = false, string? TestId = null);

/// <summary>A card of the home page: a heading and its links, placed by <paramref name="Order"/> across modules.</summary>
/// <param name="ForDepartments">Shown to a department's admins too (issue 17): their home keeps only what a county department does.</param>
public sealed record HomeCard(string Title, int Order, IReadOnlyList<HomeLink> Links, string? TestId = null, bool ForDepartments = false);

/// <summary>
/// What a module puts on the signed-in person's home page (their work list): to-dos with counts for
/// admins, their own next things and shortcuts for residents and volunteers. Each module's UI folder may
/// have one (Pages/X/XHome.cs); the home page finds them by reflection and builds them from the request's
/// services, so a module adds its card without editing the home page. Return no card for a role it does
/// not concern.
/// </summary>
public interface IHomeContributor
{
    Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct);
}

/// <summary>Collects every module's home cards for the current request.</summary>
public static class HomeCards
{
    private static readonly Lazy<IReadOnlyList<Type>> Contributors = new(() => Find(typeof(HomeCards).Assembly));

    public static IReadOnlyList<Type> Find(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => typeof(IHomeContributor).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The cards for this request, in order. Contributors run one after another: they share the request's
    /// db context, which does not allow concurrent queries.
    /// </summary>
    public static async Task<IReadOnlyList<HomeCard>> ForAsync(IServiceProvider services, CancellationToken ct)
    {
        var cards = new List<HomeCard>();
        foreach (var type in Contributors.Value)
        {
            var contributor = (IHomeContributor)ActivatorUtilities.CreateInstance(services, type);
            cards.AddRange(await contributor.CardsAsync(ct));
        }

        // A department (团委, 文旅局 …) is an admin's unit with no households, residents or shelf below it: an
        // institute admin's cards for those would be counts of nothing and links to pages that are not theirs.
        if (await Modules.Organization.Contracts.DepartmentAdmins.IsDepartmentAdminAsync(services.GetRequiredService<Modules.Organization.Contracts.IOrgDirectory>(), services.GetRequiredService<Platform.Scope.CurrentActor>(), ct))
        {
            cards.RemoveAll(c => !c.ForDepartments);
        }

        return [.. cards.OrderBy(c => c.Order)];
    }
}
