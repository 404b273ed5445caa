using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>Where a record comes from: an activity or an order (other modules, via IServiceRecords) or entered by hand.</summary>
public enum ServiceSourceKind
{
    Activity = 1,
    Order = 2,
    Manual = 3,
}

public enum ServiceRecordStatus
{
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>
/// The legal record of one volunteer's service (DESIGN §4). Scoped to the unit where the service
/// happened, which records and certifies it. Once confirmed it never changes: a correction is a new,
/// already confirmed reversal record with negative minutes and a reason (then, if needed, a new record).
/// </summary>
public sealed class ServiceRecord : IOrgScoped, ICountyScoped
{
    private ServiceRecord()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long VolunteerId { get; private set; }

    public ServiceSourceKind SourceKind { get; private set; }

    public long? SourceId { get; private set; }

    /// <summary>The China calendar date of the service.</summary>
    public DateOnly ServiceDate { get; private set; }

    public string Place { get; private set; } = "";

    public string Content { get; private set; } = "";

    /// <summary>Whole minutes (see <see cref="ServiceHours"/>); negative only on a reversal.</summary>
    public int Minutes { get; private set; }

    public ServiceRecordStatus Status { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public long? ConfirmedByUserId { get; private set; }

    /// <summary>Set on a reversal record: the confirmed record it cancels (unique, so a record is reversed at most once).</summary>
    public long? ReversesRecordId { get; private set; }

    /// <summary>Why a reversal was made or a pending record rejected.</summary>
    public string? Reason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public bool IsReversal => ReversesRecordId is not null;

    /// <summary>A new, pending record; minutes must be 1..24 h (the validator says so in Chinese first).</summary>
    public static ServiceRecord Record(
        long countyId, long orgUnitId, long volunteerId, ServiceSourceKind sourceKind, long? sourceId,
        DateOnly serviceDate, string place, string content, int minutes, long? byUserId, DateTime nowUtc)
    {
        if (minutes is <= 0 or > ServiceHours.MaxMinutesPerRecord)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Service time must be more than 0 and at most 24 hours.");
        }

        return new ServiceRecord
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            VolunteerId = volunteerId,
            SourceKind = sourceKind,
            SourceId = sourceId,
            ServiceDate = serviceDate,
            Place = place,
            Content = content,
            Minutes = minutes,
            Status = ServiceRecordStatus.Pending,
            CreatedAt = nowUtc,
            CreatedByUserId = byUserId,
        };
    }

    public Error? Confirm(long? byUserId, DateTime nowUtc)
    {
        if (Status != ServiceRecordStatus.Pending)
        {
            return Error.Conflict("service_record.not_pending");
        }

        Status = ServiceRecordStatus.Confirmed;
        ConfirmedAt = nowUtc;
        ConfirmedByUserId = byUserId;
        return null;
    }

    public Error? Reject(string reason, long? byUserId, DateTime nowUtc)
    {
        if (Status != ServiceRecordStatus.Pending)
        {
            return Error.Conflict("service_record.not_pending");
        }

        Status = ServiceRecordStatus.Rejected;
        Reason = reason;
        ConfirmedAt = nowUtc;
        ConfirmedByUserId = byUserId;
        return null;
    }

    /// <summary>
    /// The reversal of this record: same volunteer, unit, source kind, date, place and content, negative
    /// minutes, confirmed at once by the one who reverses. Only a confirmed, original record can be
    /// reversed; whether it was reversed before is the caller's check (and the unique index's).
    /// The source id is not copied, so the (source, volunteer) uniqueness keeps meaning "recorded once".
    /// </summary>
    public Result<ServiceRecord> Reverse(string reason, long? byUserId, DateTime nowUtc)
    {
        if (Status != ServiceRecordStatus.Confirmed || IsReversal)
        {
            return Error.Conflict("service_record.not_reversible");
        }

        return new ServiceRecord
        {
            CountyId = CountyId,
            OrgUnitId = OrgUnitId,
            VolunteerId = VolunteerId,
            SourceKind = SourceKind,
            SourceId = null,
            ServiceDate = ServiceDate,
            Place = Place,
            Content = Content,
            Minutes = -Minutes,
            Status = ServiceRecordStatus.Confirmed,
            ConfirmedAt = nowUtc,
            ConfirmedByUserId = byUserId,
            ReversesRecordId = Id,
            Reason = reason,
            CreatedAt = nowUtc,
            CreatedByUserId = byUserId,
        };
    }
}
