using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Volunteers.Features;

/// <summary>The integration events of service records (ServiceRecordConfirmed, ServiceRecordReversed), built from the record.</summary>
internal static class ServiceRecordEventsOf
{
    public static async Task<ServiceRecordConfirmed> ConfirmedAsync(AppDbContext db, ServiceRecord record, CancellationToken ct)
    {
        var personId = await db.Set<Volunteer>().Unscoped(because: Why.SystemOperation).Where(v => v.Id == record.VolunteerId).Select(v => v.PersonId).SingleAsync(ct);
        ServiceSource? source = record.SourceKind switch
        {
            ServiceSourceKind.Activity => ServiceSource.Activity,
            ServiceSourceKind.Order => ServiceSource.Order,
            _ => null,
        };
        return new ServiceRecordConfirmed(
            record.Id, record.VolunteerId, personId, record.OrgUnitId, source, record.SourceId, record.Minutes, record.ServiceDate, record.Content);
    }
}
