namespace Wenming.Web.Platform.Scope;

/// <summary>
/// A node of the org tree as the platform needs it: the scope filter selects the units whose <see cref="Path"/>
/// starts with the caller's prefix, and the write check finds a new unit's parent. The Organization module's
/// unit implements it, so the platform filters by the tree without naming the module's types (ADR 0027).
/// </summary>
public interface IOrgUnitNode
{
    long Id { get; }

    long? ParentId { get; }

    string Path { get; }

    /// <summary>Read with the account on every request (the actor's unit, shown by /me), in the same statement.</summary>
    string Name { get; }
}
