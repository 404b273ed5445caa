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
    /// <remarks>The caller must already have authorized the source; the volunteer may belong to another unit
    /// (e.g. a county activity's attendees), the record belongs to <paramref name="orgUnitId"/>, the source's unit.</remarks>
    /// <returns>The record's id; null when the volunteer does not exist or is not approved.</returns>
    Task<long?> RecordAsync(
        long volunteerId, ServiceSource sourceKind, long sourceId, DateOnly date, string place, string content, decimal hours, long orgUnitId, CancellationToken ct);
}
