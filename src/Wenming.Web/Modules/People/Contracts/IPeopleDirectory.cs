namespace Wenming.Web.Modules.People.Contracts;

/// <summary>What other modules may know of a person (never the ID number).</summary>
public sealed record PersonInfo(long Id, string Name, long OrgUnitId, long CountyId, DateOnly BirthDate, string Phone);

public interface IPeopleDirectory
{
    /// <summary>The person if visible in the caller's subtree.</summary>
    Task<PersonInfo?> FindAsync(long id, CancellationToken ct = default);

    /// <summary>The names of the visible people among <paramref name="ids"/> (for lists in other modules).</summary>
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);

    /// <summary>How many people the caller sees (the welcome page's "in my scope" count).</summary>
    Task<int> VisibleCountAsync(CancellationToken ct = default);

    /// <summary>The ids of visible people whose name contains <paramref name="text"/>, as a query other modules compose into their own.</summary>
    IQueryable<long> IdsNamed(string text);

    /// <summary>The first visible people registered in a unit (oldest first): for demo data and pickers.</summary>
    Task<IReadOnlyList<PersonInfo>> InUnitAsync(long orgUnitId, int take, CancellationToken ct = default);

    /// <summary>The masked ID number (110***********0038) of a visible person, for documents such as certificates.</summary>
    Task<string?> MaskedIdNumberAsync(long id, CancellationToken ct = default);

    /// <summary>The household of a person and the ids of all its members (the person included), whatever the caller's scope; null when the person has no household.</summary>
    Task<HouseholdMembers?> HouseholdUnscopedAsync(long personId, CancellationToken ct = default);
}

/// <summary>A household (户) as other modules may see it: its number and its members' ids.</summary>
public sealed record HouseholdMembers(long HouseholdId, IReadOnlyList<long> PersonIds);
