using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers.Features.VerifyCertificate;

/// <summary>
/// What anyone holding the QR code may learn: that the certificate exists and what it says in
/// summary. The name is masked and no ID number, phone or service detail is shown (RULES.md privacy).
/// </summary>
public sealed record CertificateVerificationDto(
    bool Valid, string CertificateNumber, string HolderName, string VolunteerNumber, decimal TotalHours, DateOnly IssuedOn, string IssuingOrganization);

/// <summary>The public check behind /verify/{code}: anonymous, so it reads across every scope, by the unguessable code only.</summary>
public sealed class VerifyCertificateHandler(AppDbContext db)
{
    public async Task<Result<CertificateVerificationDto>> HandleAsync(string? code, CancellationToken ct)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        // Codes are 32 hex characters; anything else cannot exist, so skip the query.
        if (normalized.Length != 32 || !normalized.All(Uri.IsHexDigit))
        {
            return Error.NotFound("Cert.not_found");
        }

        var certificate = await db.Set<Certificate>().Unscoped(because: Why.PublicVerification).AsNoTracking()
            .SingleOrDefaultAsync(c => c.VerificationCode == normalized, ct);
        if (certificate is null)
        {
            return Error.NotFound("Cert.not_found");
        }

        // Issued certificates stay valid: each states the service confirmed on its date of issue.
        return new CertificateVerificationDto(
            Valid: true, certificate.CertificateNumber, certificate.HolderNameMasked, certificate.VolunteerNumber,
            ServiceHours.ToHours(certificate.TotalMinutes), DateOnly.FromDateTime(Text.ToChinaTime(certificate.IssuedAt).DateTime), certificate.IssuerName);
    }
}
