namespace Wenming.Web.Platform.Scope;

/// <summary>
/// A row that belongs to an org unit. Every such entity is filtered by the caller's subtree in
/// <see cref="Data.AppDbContext"/> and checked on write, so a module is scoped by construction.
/// </summary>
public interface IOrgScoped
{
    long OrgUnitId { get; }
}

/// <summary>
/// The org subtree the current operation may see, as a path prefix. Per request it is the bound
/// unit's path (or everything for a system admin); unauthenticated code sees nothing unless it
/// explicitly runs <see cref="Unrestricted"/> (sign-in, migrations, seeding, background jobs).
/// </summary>
public sealed class OrgScope
{
    // Matches no path: every real path starts with "/".
    private const string Nothing = "\u0001";

    private string _prefix = Nothing;

    /// <summary>The prefix every visible unit's path starts with; "" means everything.</summary>
    public string PathPrefix => _prefix;

    public bool IsUnrestricted => _prefix.Length == 0;

    public void RestrictTo(string path) => _prefix = path;

    public void AllowEverything() => _prefix = "";

    public void AllowNothing() => _prefix = Nothing;

    public bool Contains(string unitPath) => unitPath.StartsWith(_prefix, StringComparison.Ordinal);

    /// <summary>Lifts the restriction for the duration of a trusted system operation.</summary>
    public IDisposable Unrestricted()
    {
        var previous = _prefix;
        _prefix = "";
        return new Restore(this, previous);
    }

    private sealed class Restore(OrgScope scope, string previous) : IDisposable
    {
        public void Dispose() => scope._prefix = previous;
    }
}
