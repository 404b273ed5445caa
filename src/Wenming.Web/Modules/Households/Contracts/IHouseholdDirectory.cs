namespace Wenming.Web.Modules.Households.Contracts;

/// <summary>A person's household as other modules may see it: its number, its address when it is a kept household, and its members' ids.</summary>
public sealed record HouseholdOfPerson(long HouseholdId, string? Address, IReadOnlyList<long> PersonIds);

public interface IHouseholdDirectory
{
    /// <summary>
    /// The household of a person with all its members (the person included), whatever the caller's scope; null when the
    /// person is in none. A household number on a person with no kept household behind it (set by older clients through
    /// <c>POST /api/v1/people</c>) still groups its people, without an address (ADR 0046).
    /// </summary>
    Task<HouseholdOfPerson?> OfPersonUnscopedAsync(long personId, CancellationToken ct = default);
}
