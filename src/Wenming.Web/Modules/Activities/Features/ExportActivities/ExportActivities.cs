using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.SearchActivities;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.ExportActivities;

/// <summary>The activity list as .xlsx: the same filters, roles and scope as <c>GET /api/v1/activities</c>, soonest first.</summary>
public sealed class ExportActivitiesHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> HandleAsync(SearchActivitiesRequest request, CancellationToken ct)
    {
        if (SearchActivitiesHandler.Refuse(actor) is { } forbidden)
        {
            return forbidden;
        }

        var query = SearchActivitiesHandler.Filter(db.Set<Activity>().AsNoTracking(), request);
        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var activities = await query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToListAsync(ct);
        var units = (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        string[] headers =
        [
            Text.Get("Excel.export.title"), Text.Get("Excel.export.category"), Text.Get("Excel.export.unit"), Text.Get("Excel.export.place"),
            Text.Get("Excel.export.startsAt"), Text.Get("Excel.export.endsAt"), Text.Get("Excel.export.capacity"), Text.Get("Excel.export.enrolled"),
            Text.Get("Excel.export.waitlist"), Text.Get("Excel.export.status"),
        ];
        var rows = activities.Select(a => (IReadOnlyList<object?>)
        [
            a.Title, Text.Get("activity.category." + a.Category), units.GetValueOrDefault(a.OrgUnitId), a.Place, a.StartsAt, a.EndsAt,
            a.Capacity, a.EnrolledCount, a.WaitlistCount, Text.Get("activity.status." + a.Status),
        ]);
        return ExcelExport.File("Excel.export.activities_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Excel.export.activities_sheet"), headers, rows));
    }
}
