using Wenming.Web.Modules.Volunteers.Features.IssueCertificate;

namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>
/// The certificate's CJK font for other modules' PDFs (the monthly report): PDFsharp's font resolver is process-wide,
/// so there is one, installed by whoever draws first (ADR 0009).
/// </summary>
public static class PdfFonts
{
    public const string Family = CertificateFonts.Family;

    public static void Install(IConfiguration config) => CertificateFonts.Install(config["Certificates:FontPath"]);
}
