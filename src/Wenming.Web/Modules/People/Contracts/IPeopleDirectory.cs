namespace Wenming.Web.Modules.People.Contracts;

/// <summary>What other modules may know of a person (never the ID number).</summary>
public sealed record PersonInfo(long Id, string Name, long OrgUnitId, long CountyId, DateOnly BirthDate, string Phone);

public interface IPeopleDirectory
{
    /// <summary>The person if visible in the caller's subtree.</summary>
    Task<PersonInfo?> FindAsync(long id, CancellationToken ct = default);
}
