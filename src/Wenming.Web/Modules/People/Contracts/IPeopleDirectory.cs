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

    /// <summary>
    /// Pickers on forms: the visible people of a unit whose name contains <paramref name="text"/> or whose mobile
    /// number is exactly it (all of them, oldest first, when <paramref name="text"/> is blank), at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<PersonInfo>> FindInUnitAsync(long orgUnitId, string? text, int take, CancellationToken ct = default);

    /// <summary>The masked ID number (110***********0038) of a visible person, for documents such as certificates.</summary>
    Task<string?> MaskedIdNumberAsync(long id, CancellationToken ct = default);

    /// <summary>The household of a person and the ids of all its members (the person included), whatever the caller's scope; null when the person has no household.</summary>
    Task<HouseholdMembers?> HouseholdUnscopedAsync(long personId, CancellationToken ct = default);
}

/// <summary>A household (户) as other modules may see it: its number and its members' ids.</summary>
public sealed record HouseholdMembers(long HouseholdId, IReadOnlyList<long> PersonIds);

/// <summary>A person as a household roster shows them: the household they are in (if any) and whether they are a party member (who may be a contact person).</summary>
public sealed record RosterPerson(long Id, string Name, long OrgUnitId, long? HouseholdId, bool IsPartyMember, string IdNumberMasked, DateOnly BirthDate);

/// <summary>
/// Household membership: the person's household number is kept on the person (one column, so a person is in at
/// most one household); the Households module owns the household itself and moves people through this.
/// </summary>
public interface IHouseholdRoster
{
    /// <summary>The person if visible in the caller's subtree.</summary>
    Task<RosterPerson?> FindAsync(long personId, CancellationToken ct = default);

    /// <summary>
    /// The person with this ID number if visible in the caller's subtree (household imports); <c>Valid</c> is false when the
    /// text is not a well-formed ID number at all.
    /// </summary>
    Task<(bool Valid, RosterPerson? Person)> FindByIdNumberAsync(string idNumber, CancellationToken ct = default);

    /// <summary>The members of these households, whatever units they are registered in (a household spans units).</summary>
    Task<IReadOnlyList<RosterPerson>> MembersUnscopedAsync(IReadOnlyCollection<long> householdIds, CancellationToken ct = default);

    /// <summary>The visible people registered in a unit, by name (at most 500): the choices of a household form.</summary>
    Task<IReadOnlyList<RosterPerson>> InUnitAsync(long orgUnitId, CancellationToken ct = default);

    /// <summary>Puts a visible person into <paramref name="householdId"/> (null: out of any); saved with the caller's next SaveChanges. False when the person is not visible.</summary>
    Task<bool> MoveAsync(long personId, long? householdId, CancellationToken ct = default);
}
