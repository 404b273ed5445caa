using Wenming.Web.Modules.Organization.Contracts;

namespace Wenming.Web.Pages.Shared;

/// <summary>One unit in a drop-down, indented by its depth below the caller's top unit.</summary>
public sealed record UnitChoice(long Id, string Name, OrgLevel Level, int Depth)
{
    /// <summary>Full-width spaces keep the indentation visible inside a native select on phones.</summary>
    public string Label => new string('\u3000', Depth) + Name;
}

/// <summary>
/// Units for the pages' pickers and name lookups, through the Organization module's directory, which
/// honours the org scope: a caller only ever gets units of their own subtree.
/// </summary>
public static class UnitChoices
{
    public static async Task<IReadOnlyList<UnitChoice>> ActiveAsync(IOrgDirectory orgs, OrgLevel deepestAllowedAbove, CancellationToken ct)
    {
        var units = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Status == OrgUnitStatus.Active && u.Level >= deepestAllowedAbove).ToList();
        var top = units.Count == 0 ? 0 : units.Min(u => Depth(u.Path));
        return units.Select(u => new UnitChoice(u.Id, u.Name, u.Level, Depth(u.Path) - top)).ToList();
    }

    public static Task<IReadOnlyDictionary<long, string>> NamesAsync(IOrgDirectory orgs, IEnumerable<long> ids, CancellationToken ct) =>
        orgs.NamesAsync(ids.Distinct().ToList(), ct);

    private static int Depth(string path) => path.Count(c => c == '/');
}
