using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;

/// <summary>
/// The names shown next to the hours report's records: volunteer id → the person's name (or "—" when the
/// caller may not see that person). The names come from People through its Contracts.
/// </summary>
public sealed class ServiceRecordVolunteerNamesHandler(AppDbContext db, IPeopleDirectory people)
{
    public async Task<IReadOnlyDictionary<long, string>> HandleAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct)
    {
        var wanted = volunteerIds.Distinct().ToList();
        // Scope off: a record's volunteer may be registered outside the caller's subtree (served here,
        // registered elsewhere), and the report still names them. Only id → person id is read; the name
        // itself goes through People's scoped directory.
        var persons = await db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(v => wanted.Contains(v.Id)).Select(v => new { v.Id, v.PersonId }).ToListAsync(ct);
        var names = await people.NamesAsync(persons.Select(p => p.PersonId).ToList(), ct);
        return persons.ToDictionary(p => p.Id, p => names.GetValueOrDefault(p.PersonId) ?? "—");
    }
}
