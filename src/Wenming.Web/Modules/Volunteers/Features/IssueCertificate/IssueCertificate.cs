using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Training.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.IssueCertificate;

/// <summary>The PDF and what identifies it (for the download's file name and for tests).</summary>
public sealed record CertificateFile(byte[] Pdf, string CertificateNumber, string VerificationCode, decimal TotalHours)
{
    public string FileName => $"志愿服务证明-{CertificateNumber}.pdf";
}

/// <summary>
/// Issues a volunteer service certificate (志愿服务证明, RULES.md) and renders it as a PDF. The
/// volunteer may ask for their own, an admin for any volunteer of their subtree; a supervisor may
/// look but not issue (403), anyone else gets "not found". Only approved volunteers have one.
/// Asking again on the same China calendar day while nothing changed returns the same certificate
/// (same number and QR code); any new or reversed service issues a new one (ADR 0009).
/// </summary>
public sealed class IssueCertificateHandler(
    AppDbContext db, CurrentActor actor, IPeopleDirectory people, IOrgDirectory orgs, CertificatePdf pdf, ITrainingRecords training, TimeProvider clock)
{
    public async Task<Result<CertificateFile>> HandleAsync(long volunteerId, string verifyBaseUrl, CancellationToken ct)
    {
        var volunteer = await ServiceRecordAccess.ReadableVolunteerAsync(db, actor, volunteerId, ct);
        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        var self = actor.PersonId is { } me && me == volunteer.PersonId;
        if (!self && actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (volunteer.Status != VolunteerStatus.Approved || volunteer.VolunteerNumber is null)
        {
            return Error.Conflict("Cert.volunteer_not_approved");
        }

        var items = await ItemsAsync(volunteer.Id, ct);
        // The one total of the platform (also on the volunteer's page and for star levels).
        var totalMinutes = await ServiceRecordAccess.ConfirmedMinutesAsync(db, volunteer.Id, ct);
        var lastRecordId = await db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference)
            .Where(r => r.VolunteerId == volunteer.Id && r.Status == ServiceRecordStatus.Confirmed)
            .MaxAsync(r => (long?)r.Id, ct) ?? 0;
        var snapshot = new CertificateSnapshot(totalMinutes, items.Count, lastRecordId);

        var person = await people.FindAsync(volunteer.PersonId, ct);
        var name = person?.Name ?? "";
        var county = await orgs.FindUnscopedAsync(volunteer.CountyId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var certificate = await TodaysAsync(volunteer.Id, now, ct);
        if (certificate is null || !certificate.Matches(snapshot, name))
        {
            certificate = await IssueAsync(volunteer, name, snapshot, county, now, ct);
        }

        var contact = await orgs.ContactUnscopedAsync(volunteer.CountyId, ct);
        var content = new CertificateContent(
            certificate.CertificateNumber, name, volunteer.VolunteerNumber, await people.MaskedIdNumberAsync(volunteer.PersonId, ct) ?? "—",
            ServiceHours.ToHours(totalMinutes), StarLevel.ForMinutes(totalMinutes), items,
            certificate.IssuerName, contact.Name, certificate.HandlerName, contact.Phone,
            DateOnly.FromDateTime(Text.ToChinaTime(certificate.IssuedAt).DateTime),
            verifyBaseUrl.TrimEnd('/') + "/verify/" + certificate.VerificationCode,
            (await training.TotalsAsync(volunteer.Id, ct)).Hours);
        return new CertificateFile(pdf.Render(content), certificate.CertificateNumber, certificate.VerificationCode, content.TotalHours);
    }

    /// <summary>
    /// Confirmed service, net of corrections: a reversed record and its reversal cancel each other, so
    /// neither is listed, and the listed hours add up to the total. Whole history, any recording unit.
    /// </summary>
    private async Task<List<CertificateItem>> ItemsAsync(long volunteerId, CancellationToken ct)
    {
        var confirmed = db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(r => r.VolunteerId == volunteerId && r.Status == ServiceRecordStatus.Confirmed);
        var reversed = confirmed.Where(r => r.ReversesRecordId != null).Select(r => r.ReversesRecordId!.Value);
        var rows = await confirmed
            .Where(r => r.ReversesRecordId == null && !reversed.Contains(r.Id))
            .OrderBy(r => r.ServiceDate).ThenBy(r => r.Id)
            .Select(r => new { r.ServiceDate, r.Place, r.Content, r.Minutes })
            .ToListAsync(ct);
        return rows.ConvertAll(r => new CertificateItem(r.ServiceDate, r.Place, r.Content, ServiceHours.ToHours(r.Minutes)));
    }

    /// <summary>The volunteer's newest certificate issued today (China time), if any.</summary>
    private Task<Certificate?> TodaysAsync(long volunteerId, DateTime nowUtc, CancellationToken ct)
    {
        var china = Text.ToChinaTime(nowUtc);
        var startOfDayUtc = new DateTimeOffset(china.Date, Text.ChinaOffset).UtcDateTime;
        return db.Set<Certificate>().AsNoTracking()
            .Where(c => c.VolunteerId == volunteerId && c.IssuedAt >= startOfDayUtc)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
    }

    private async Task<Certificate> IssueAsync(Volunteer volunteer, string name, CertificateSnapshot snapshot, OrgUnitInfo? county, DateTime nowUtc, CancellationToken ct)
    {
        var prefix = county?.DivisionCode is { Length: >= 6 } code ? code[..6] : volunteer.CountyId.ToString("D6", CultureInfo.InvariantCulture);
        var year = Text.ToChinaTime(nowUtc).Year;
        var handler = await HandlerNameAsync(volunteer, ct);

        // As with volunteer numbers: the counter row's lock is held until commit, so concurrent
        // issues in a county take numbers one after the other, and a failure gives its number back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await NextSequenceAsync(volunteer.CountyId, year, ct);
        var number = prefix + year.ToString("D4", CultureInfo.InvariantCulture) + sequence.ToString("D6", CultureInfo.InvariantCulture);
        var certificate = Certificate.Issue(
            volunteer.CountyId, volunteer.OrgUnitId, volunteer.Id, number, name, volunteer.VolunteerNumber!, snapshot,
            county?.Name ?? "", actor.UserId, handler, nowUtc);
        db.Add(certificate);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return certificate;
    }

    /// <summary>经办人: the issuing admin's name (or login); a volunteer's own download says it was self-service.</summary>
    private async Task<string> HandlerNameAsync(Volunteer volunteer, CancellationToken ct)
    {
        if (actor.PersonId is { } me && me == volunteer.PersonId)
        {
            return Text.Get("Cert.handler_self_service");
        }

        if (actor.PersonId is { } personId && await people.FindAsync(personId, ct) is { } admin)
        {
            return admin.Name;
        }

        return actor.Login ?? Text.Get("Cert.handler_self_service");
    }

    private async Task<long> NextSequenceAsync(long countyId, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO vol_certificate_counters ("CountyId", "Year", "LastSequence") VALUES ({countyId}, {year}, 0) ON CONFLICT ("CountyId", "Year") DO NOTHING""", ct);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE vol_certificate_counters SET "LastSequence" = "LastSequence" + 1 WHERE "CountyId" = {countyId} AND "Year" = {year}""", ct);
        return await db.Database.SqlQuery<long>(
            $"""SELECT "LastSequence" AS "Value" FROM vol_certificate_counters WHERE "CountyId" = {countyId} AND "Year" = {year}""").SingleAsync(ct);
    }
}
