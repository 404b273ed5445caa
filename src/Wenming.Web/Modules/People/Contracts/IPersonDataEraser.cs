namespace Wenming.Web.Modules.People.Contracts;

/// <summary>A person being anonymized (ADR 0023): their id and the placeholder that now stands for their name (已匿名123).</summary>
public sealed record AnonymizedPerson(long PersonId, string Placeholder);

/// <summary>
/// A module's part of anonymizing a person: it erases what it keeps about them (account logins, a guardian's
/// name and phone, an order's contact phone …), also from the earlier audit entries of its rows. Called inside the
/// anonymization's transaction, unscoped (the caller authorized the person); records, hours and points stay.
/// </summary>
public interface IPersonDataEraser
{
    Task EraseAsync(AnonymizedPerson person, CancellationToken ct);
}

/// <summary>
/// A module's sign of life of people, for the retention rule (<c>Privacy:RetentionYears</c>): which of the
/// given people did something there (signed in, served, earned or spent points …) at or after <paramref name="sinceUtc"/>.
/// </summary>
public interface IPersonActivity
{
    Task<IReadOnlySet<long>> ActiveSinceAsync(IReadOnlyCollection<long> personIds, DateTime sinceUtc, CancellationToken ct);
}
