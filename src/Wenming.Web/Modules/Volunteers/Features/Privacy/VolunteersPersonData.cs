using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers.Features.Privacy;

/// <summary>
/// Volunteers' part of anonymizing a person (ADR 0023): the guardian's data go and the certificates' public page
/// shows a placeholder instead of the masked name; service records, hours and certificates themselves stay.
/// A service record (served, or recorded) counts as activity for the retention rule.
/// </summary>
internal sealed class VolunteersPersonData(AppDbContext db) : IPersonDataEraser, IPersonActivity
{
    public async Task EraseAsync(AnonymizedPerson person, CancellationToken ct)
    {
        var volunteers = await db.Set<Volunteer>().Unscoped(because: Why.PersonalData).Where(v => v.PersonId == person.PersonId).ToListAsync(ct);
        foreach (var volunteer in volunteers)
        {
            volunteer.EraseGuardian();
        }

        var volunteerIds = volunteers.Select(v => v.Id).ToList();
        var certificates = await db.Set<Certificate>().Unscoped(because: Why.PersonalData).Where(c => volunteerIds.Contains(c.VolunteerId)).ToListAsync(ct);
        foreach (var certificate in certificates)
        {
            certificate.EraseHolder(Text.Get("Privacy.certificate_holder"));
        }

        // The guardian's relation was logged in clear, and certificates' masked names before they were marked sensitive.
        await db.ScrubFieldsAsync(nameof(Volunteer), volunteerIds, [nameof(Volunteer.GuardianName), nameof(Volunteer.GuardianRelation), nameof(Volunteer.GuardianPhone)], ct);
        await db.ScrubFieldsAsync(nameof(Certificate), [.. certificates.Select(c => c.Id)], [nameof(Certificate.HolderNameMasked)], ct);
    }

    public async Task<IReadOnlySet<long>> ActiveSinceAsync(IReadOnlyCollection<long> personIds, DateTime sinceUtc, CancellationToken ct)
    {
        var since = DateOnly.FromDateTime(sinceUtc);
        return (await db.Set<Volunteer>().Unscoped(because: Why.PersonalData).AsNoTracking()
            .Where(v => personIds.Contains(v.PersonId) && (v.AppliedAt >= sinceUtc || db.Set<ServiceRecord>().Unscoped(because: Why.PersonalData)
                .Any(r => r.VolunteerId == v.Id && (r.ServiceDate >= since || r.CreatedAt >= sinceUtc))))
            .Select(v => v.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
    }
}
