using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ExportServiceRecords;

/// <summary>
/// The hours report as .xlsx: the same filters (unit subtree, status, service dates), roles and scope as
/// <c>GET /api/v1/service-records</c>, newest service first, hours as numbers so the sheet can sum them.
/// </summary>
public sealed class ExportServiceRecordsHandler(
    ListServiceRecordsHandler list, AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleRegistry people, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> HandleAsync(ServiceRecordReportRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (filtered, error) = await list.ReportQueryAsync(request, ct);
        if (filtered is not { } query)
        {
            return error!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var records = await query.OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.Id).ToListAsync(ct);
        var volunteerIds = records.Select(r => r.VolunteerId).Distinct().ToList();
        // The volunteer may be registered outside this subtree (served here): their number is shown, and
        // their name when the caller can see the person (as on the report page).
        var volunteers = await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).AsNoTracking().Where(v => volunteerIds.Contains(v.Id))
            .Select(v => new { v.Id, v.PersonId, v.VolunteerNumber }).ToDictionaryAsync(v => v.Id, ct);
        var persons = await people.ListingsAsync(volunteers.Values.Select(v => v.PersonId).ToList(), ct);
        var units = (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        string[] headers =
        [
            Text.Get("Excel.export.volunteerNumber"), Text.Get("Excel.col.name"), Text.Get("Excel.export.serviceDate"), Text.Get("Excel.export.hours"),
            Text.Get("Excel.export.place"), Text.Get("Excel.export.content"), Text.Get("Excel.export.unit"), Text.Get("Excel.export.status"),
            Text.Get("Excel.export.confirmedAt"), Text.Get("Excel.export.reason"),
        ];
        var rows = records.Select(r =>
        {
            var v = volunteers.GetValueOrDefault(r.VolunteerId);
            var name = v is null ? null : persons.GetValueOrDefault(v.PersonId)?.Name;
            return (IReadOnlyList<object?>)
            [
                v?.VolunteerNumber, name, r.ServiceDate, ServiceHours.ToHours(r.Minutes), r.Place, r.Content, units.GetValueOrDefault(r.OrgUnitId),
                Text.Get(r.IsReversal ? "service_record.status.Reversal" : "service_record.status." + r.Status), r.ConfirmedAt, r.Reason,
            ];
        });
        return ExcelExport.File("Excel.export.records_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Excel.export.records_sheet"), headers, rows));
    }
}
