using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ExportVolunteers;

/// <summary>
/// The volunteer list as .xlsx: the same filters, roles and scope as <c>GET /api/v1/volunteers</c>, every
/// matching row (up to <see cref="ExcelExport.MaxRows"/>), the ID number only masked.
/// </summary>
public sealed class ExportVolunteersHandler(SearchVolunteersHandler search, CurrentActor actor, IOrgDirectory orgs, IPeopleRegistry people, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> HandleAsync(SearchVolunteersRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var (filtered, error) = await search.FilterAsync(request, ct);
        if (filtered is not { } query)
        {
            return error!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var volunteers = await query.OrderByDescending(v => v.Id).ToListAsync(ct);
        var persons = await people.ListingsAsync(volunteers.Select(v => v.PersonId).Distinct().ToList(), ct);
        var units = (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        string[] headers =
        [
            Text.Get("Excel.export.volunteerNumber"), Text.Get("Excel.col.name"), Text.Get("Excel.export.idMasked"), Text.Get("Excel.col.phone"),
            Text.Get("Excel.export.unit"), Text.Get("Excel.export.status"), Text.Get("Excel.col.skills"), Text.Get("Excel.col.serviceAreas"),
            Text.Get("Excel.col.availability"), Text.Get("Excel.col.guardianName"), Text.Get("Excel.col.guardianRelation"), Text.Get("Excel.col.guardianPhone"),
            Text.Get("Excel.export.appliedAt"), Text.Get("Excel.export.reviewedAt"),
        ];
        var rows = volunteers.Select(v =>
        {
            var p = persons.GetValueOrDefault(v.PersonId);
            return (IReadOnlyList<object?>)
            [
                v.VolunteerNumber, p?.Name, p?.IdNumberMasked, p?.Phone, units.GetValueOrDefault(v.OrgUnitId),
                Text.Get("volunteer.status." + v.Status), v.Skills, v.ServiceAreas, v.Availability,
                v.GuardianName, v.GuardianRelation, v.GuardianPhone, v.AppliedAt, v.ReviewedAt,
            ];
        });
        return ExcelExport.File("Excel.export.volunteers_file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Excel.export.volunteers_sheet"), headers, rows));
    }
}
