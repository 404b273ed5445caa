using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.People.Contracts;

/// <summary>A person to register, as an import row gives them (the same fields as <c>POST /api/v1/people</c>).</summary>
public sealed record NewPerson(string? Name, string? IdNumber, string? Phone, long? OrgUnitId);

/// <summary>
/// What a registration check found: the birth date the ID number carries, a key that is equal for equal ID
/// numbers (the keyed hash, so the clear number does not leave the People module), and the person already
/// registered in the county with that number — <see cref="Existing"/> when the caller can see them,
/// <see cref="RegisteredOutsideScope"/> when they live outside the caller's subtree.
/// </summary>
public sealed record PersonCheck(DateOnly BirthDate, string IdKey, PersonInfo? Existing, bool RegisteredOutsideScope);

/// <summary>A person as a list export shows them: the ID number masked, never in clear.</summary>
public sealed record PersonListing(long Id, string Name, string IdNumberMasked, string Phone);

/// <summary>
/// Registration of people for other modules (volunteer imports), and their listing in exports, with the People feature's own rules:
/// the same validator, unit and uniqueness checks as <c>POST /api/v1/people</c>.
/// </summary>
public interface IPeopleRegistry
{
    /// <summary>Checks a registration without writing anything. Errors carry the request's field names (name, idNumber, phone, orgUnitId).</summary>
    Task<Result<PersonCheck>> CheckAsync(NewPerson person, CancellationToken ct = default);

    /// <summary>Registers the person (the caller must be an admin of the unit); joins the caller's open transaction, if any.</summary>
    Task<Result<PersonInfo>> RegisterAsync(NewPerson person, CancellationToken ct = default);

    /// <summary>The visible people among <paramref name="ids"/> as exports list them.</summary>
    Task<IReadOnlyDictionary<long, PersonListing>> ListingsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);
}
