using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Calendar.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Calendar.Features;

/// <summary>API.md's line <c>{date, name, kind, responsibleOrgUnitId?}</c>, with the labels a page shows and the county entry's id.</summary>
public sealed record CalendarDayDto(DateOnly Date, string Name, PracticeDayKind Kind, string KindLabel, long? ResponsibleOrgUnitId, string? ResponsibleUnitName, long? CountyDateId, string? Note);

public sealed record AddCountyDateRequest(long? OrgUnitId, DateOnly? Date, string? Name, string? Note);

/// <summary>
/// The practice calendar 文明实践日历 (DESIGN §4): the year's festivals and theme days, computed, merged with the
/// caller's county's own dates and responsible units. Everyone signed in reads it; the county's admins add dates.
/// </summary>
public sealed class CalendarHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CalendarDayDto>>> YearAsync(int year, bool onlyMine, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        if (year is < PracticeDays.FirstYear or > PracticeDays.LastYear)
        {
            var fields = new FieldErrors();
            fields.Add("year", "Practice.error.year_range", PracticeDays.FirstYear, PracticeDays.LastYear);
            return fields.ToError()!;
        }

        var county = actor.CountyId;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var own = county is null
            ? []
            : await db.Set<CountyDate>().AsNoTracking().Where(d => d.CountyId == county && d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ThenBy(d => d.Id).ToListAsync(ct);

        var days = new List<CalendarDayDto>();
        var merged = new HashSet<long>();
        foreach (var day in PracticeDays.For(year))
        {
            var assigned = own.FirstOrDefault(d => d.Date == day.Date && d.Name == day.Name);
            if (assigned is not null)
            {
                merged.Add(assigned.Id);
            }

            days.Add(new(day.Date, day.Name, day.Kind, KindLabel(day.Kind), assigned?.OrgUnitId, assigned?.UnitName, assigned?.Id, assigned?.Note));
        }

        days.AddRange(own.Where(d => !merged.Contains(d.Id))
            .Select(d => new CalendarDayDto(d.Date, d.Name, PracticeDayKind.County, KindLabel(PracticeDayKind.County), d.OrgUnitId, d.UnitName, d.Id, d.Note)));

        if (onlyMine)
        {
            var mine = await MineAsync(days.Where(d => d.ResponsibleOrgUnitId is not null).Select(d => d.ResponsibleOrgUnitId!.Value), ct);
            days = [.. days.Where(d => d.ResponsibleOrgUnitId is { } unit && mine.Contains(unit))];
        }

        return days.OrderBy(d => d.Date).ThenBy(d => d.Kind).ToList();
    }

    /// <summary>The next dates from today (China time), this year's and next year's, for a home card.</summary>
    public async Task<IReadOnlyList<CalendarDayDto>> UpcomingAsync(int count, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Text.ChinaOffset).DateTime);
        var list = new List<CalendarDayDto>();
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (await YearAsync(year, false, ct) is { IsSuccess: true } result)
            {
                list.AddRange(result.Value.Where(d => d.Date >= today));
            }
        }

        return [.. list.Take(count)];
    }

    /// <summary>A county date with its responsible unit; by the county center (or a system admin for a county's unit).</summary>
    public async Task<Result<CalendarDayDto>> AddAsync(AddCountyDateRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.CenterAdmin, Role.SystemAdmin) is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Practice.field.orgUnitId");
        }

        if (request.Date is not { } date)
        {
            fields.AddRequired("date", "Practice.field.date");
        }
        else if (date.Year is < PracticeDays.FirstYear or > PracticeDays.LastYear)
        {
            fields.Add("date", "Practice.error.year_range", PracticeDays.FirstYear, PracticeDays.LastYear);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            fields.AddRequired("name", "Practice.field.name");
        }
        else if (name.Length > CountyDate.MaxNameLength)
        {
            fields.AddTooLong("name", "Practice.field.name", CountyDate.MaxNameLength);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > CountyDate.MaxNoteLength)
        {
            fields.AddTooLong("note", "Practice.field.note", CountyDate.MaxNoteLength);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { CountyId: { } countyId } unit)
        {
            return Error.NotFound("org.not_found");
        }

        var entry = CountyDate.Create(countyId, unit.Id, unit.Name, request.Date!.Value, name!, note, clock.GetUtcNow().UtcDateTime);
        if (await db.Set<CountyDate>().AnyAsync(d => d.CountyId == countyId && d.Date == entry.Date && d.Name == entry.Name, ct))
        {
            return Duplicate();
        }

        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added a moment ago by another request: the unique index decided.
            db.ChangeTracker.Clear();
            return Duplicate();
        }

        var fixedDay = entry.Date.Year is >= PracticeDays.FirstYear and <= PracticeDays.LastYear
            ? PracticeDays.For(entry.Date.Year).FirstOrDefault(d => d.Date == entry.Date && d.Name == entry.Name)
            : null;
        var kind = fixedDay?.Kind ?? PracticeDayKind.County;
        return new CalendarDayDto(entry.Date, entry.Name, kind, KindLabel(kind), entry.OrgUnitId, entry.UnitName, entry.Id, entry.Note);
    }

    public static string KindLabel(PracticeDayKind kind) => kind switch
    {
        PracticeDayKind.Festival => Text.Get("Practice.kind.festival"),
        PracticeDayKind.ThemeDay => Text.Get("Practice.kind.theme"),
        _ => Text.Get("Practice.kind.county"),
    };

    private static Error Duplicate() => Error.Keyed("calendar_date.duplicate", ErrorKind.Conflict, "Practice.error.duplicate");

    private async Task<HashSet<long>> MineAsync(IEnumerable<long> unitIds, CancellationToken ct) =>
        [.. (await orgs.NamesAsync([.. unitIds.Distinct()], ct)).Keys];
}
