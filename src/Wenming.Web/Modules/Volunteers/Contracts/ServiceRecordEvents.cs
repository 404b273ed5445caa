namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>
/// A service record was confirmed (integration event, ADR 0014): its hours now count. Raised in the
/// confirming transaction; delivered at least once.
/// </summary>
/// <param name="OrgUnitId">The record's unit: where the service happened, whose rules apply.</param>
/// <param name="Source">Activity or Order; null for a record entered by hand.</param>
/// <param name="Minutes">Whole minutes, already capped (an activity's span, at most 24 h).</param>
public sealed record ServiceRecordConfirmed(
    long RecordId,
    long VolunteerId,
    long PersonId,
    long OrgUnitId,
    ServiceSource? Source,
    long? SourceId,
    int Minutes,
    DateOnly ServiceDate,
    string Content);

/// <summary>
/// A confirmed record was corrected by a reversal record (integration event). Carries the original's
/// confirmation, so a reaction never depends on which of the two events arrives first. (A record is
/// reversed at most once, so the original identifies the reversal.)
/// </summary>
public sealed record ServiceRecordReversed(ServiceRecordConfirmed Original, string Reason);
