namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>Kinds of source another module may record service for.</summary>
public enum ServiceSource
{
    Activity = 1,
    Order = 2,
}

/// <summary>
/// How other modules (Activities, Orders) record a volunteer's service. The record starts pending and
/// is confirmed by an admin of the unit. Idempotent per (source, volunteer): calling again for the same
/// source and volunteer returns the existing record's id instead of recording twice.
/// </summary>
public interface IServiceRecords
{
    /// <returns>The record's id; null when the volunteer is not found in the caller's scope or not approved.</returns>
    Task<long?> RecordAsync(
        long volunteerId, ServiceSource sourceKind, long sourceId, DateOnly date, string place, string content, decimal hours, long orgUnitId, CancellationToken ct);
}
