using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Certificate;

/// <summary>The PDF and the name it is saved under.</summary>
public sealed record DonationCertificateFile(byte[] Pdf, string ReceiptNumber)
{
    public string FileName => $"捐赠证书-{ReceiptNumber}.pdf";
}

/// <summary>
/// The donation certificate (捐赠证书) the center prints for a donor (issue 14): the donation as recorded, the
/// donor's name (爱心人士 when anonymous, as on the public page), the amount in figures and capitals, and a QR code
/// to the fund's public disclosure where the donation is listed. Nothing is stored but an audit row: the certificate
/// is a view of the donation, which never changes. A reversed donation (and a reversing entry) has none.
/// </summary>
public sealed class DonationCertificateHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, DonationCertificatePdf pdf, TimeProvider clock)
{
    public async Task<Result<DonationCertificateFile>> HandleAsync(long id, string publicBaseUrl, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        // Through the scope filter: a donation of another county is "not found".
        if (await db.Set<Donation>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } donation)
        {
            return FundErrors.DonationNotFound();
        }

        if (donation.ReversesId is not null || donation.ReceiptNumber is null || await db.Set<Donation>().AnyAsync(d => d.ReversesId == id, ct))
        {
            return FundErrors.NoCertificate();
        }

        var county = await orgs.FindUnscopedAsync(donation.CountyId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var content = new DonationCertificateContent(
            FundLabels.PublicDonor(donation.Anonymous, donation.DonorName), donation.AmountFen, donation.ReceivedOn, donation.ReceiptNumber,
            FundLabels.Channel(donation.Channel), FundName(county?.Name ?? ""), DateOnly.FromDateTime(Text.ToChinaTime(now).DateTime),
            publicBaseUrl.TrimEnd('/') + "/fund/public/" + donation.CountyId);
        var file = new DonationCertificateFile(pdf.Render(content), donation.ReceiptNumber);

        // Who printed which certificate, like the exports.
        db.AuditDirectWrite(AuditAction.Created, "DonationCertificate", donation.Id, donation.OrgUnitId, new Dictionary<string, object?>
        {
            ["ReceiptNumber"] = donation.ReceiptNumber,
            ["AmountFen"] = donation.AmountFen,
        });
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>"云溪县新时代文明实践中心" → "云溪县新时代文明实践基金": the center's name without its own suffix, so the fund is not named twice.</summary>
    private static string FundName(string countyUnit)
    {
        var center = Text.Get("Fund.cert.center_suffix");
        var place = countyUnit.EndsWith(center, StringComparison.Ordinal) ? countyUnit[..^center.Length] : countyUnit;
        return Text.Get("Fund.cert.fund_name", place);
    }
}
