using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Fund.Features.Certificate;

/// <summary>Everything a donation certificate prints.</summary>
public sealed record DonationCertificateContent(
    string Donor, long AmountFen, DateOnly ReceivedOn, string ReceiptNumber, string Channel, string FundName, DateOnly IssuedOn, string VerifyUrl);

/// <summary>
/// Draws the donation certificate (捐赠证书) on one A4 page with PDFsharp, in the look of the volunteer certificate:
/// red double frame, title, the thanks with the amount in figures and in capitals, the facts, and the issuer block
/// with a QR code to the public disclosure page where the donation is listed. The CJK font is the volunteer
/// certificate's (PDFsharp's resolver is process-wide).
/// </summary>
public sealed class DonationCertificatePdf
{
    private const double Margin = 64;
    private static readonly XColor Red = XColor.FromArgb(158, 27, 27);
    private static readonly XBrush Ink = XBrushes.Black;

    public DonationCertificatePdf(IConfiguration config)
    {
        PdfFonts.Install(config);
    }

    public byte[] Render(DonationCertificateContent c)
    {
        using var document = new PdfDocument();
        document.Info.Title = Text.Get("Fund.cert.title") + " " + c.ReceiptNumber;
        document.Info.Author = c.FundName;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        var pageWidth = page.Width.Point;
        var pageHeight = page.Height.Point;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(new XPen(Red, 1.6), new XRect(28, 28, pageWidth - 56, pageHeight - 56));
            gfx.DrawRectangle(new XPen(Red, 0.5), new XRect(33, 33, pageWidth - 66, pageHeight - 66));
            var width = pageWidth - (2 * Margin);

            gfx.DrawString(Text.Get("Fund.cert.title"), Font(30, bold: true), new XSolidBrush(Red), new XRect(Margin, 70, width, 44), XStringFormats.TopCenter);
            var small = Font(10);
            gfx.DrawString(Text.Get("Fund.cert.receipt", c.ReceiptNumber), small, Ink, new XRect(Margin, 124, width, 14), XStringFormats.TopRight);

            var body = Font(14);
            var y = 160.0;
            gfx.DrawString(Text.Get("Fund.cert.dear", c.Donor), body, Ink, new XRect(Margin, y, width, 20), XStringFormats.TopLeft);
            y += 30;
            var thanks = Text.Get(
                "Fund.cert.thanks", Date(c.ReceivedOn), c.FundName, ChineseAmount.Capital(c.AmountFen), Yuan.Format(c.AmountFen));
            y = Paragraph(gfx, "\u3000\u3000" + thanks, body, Margin, y, width, 24);
            y += 24;

            (string Label, string Value)[] facts =
            [
                (Text.Get("Fund.cert.donor"), c.Donor),
                (Text.Get("Fund.cert.amount"), "¥" + Yuan.Format(c.AmountFen) + Text.Get("Fund.cert.yuan")),
                (Text.Get("Fund.cert.capital"), ChineseAmount.Capital(c.AmountFen)),
                (Text.Get("Fund.cert.channel"), c.Channel),
                (Text.Get("Fund.cert.date"), Date(c.ReceivedOn)),
                (Text.Get("Fund.cert.receipt_label"), c.ReceiptNumber),
            ];
            var factFont = Font(12);
            var pen = new XPen(XColors.DimGray, 0.6);
            const double Row = 24;
            const double LabelWidth = 120;
            foreach (var (label, value) in facts)
            {
                gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(244, 236, 236)), new XRect(Margin, y, LabelWidth, Row));
                gfx.DrawRectangle(pen, new XRect(Margin, y, LabelWidth, Row));
                gfx.DrawRectangle(pen, new XRect(Margin + LabelWidth, y, width - LabelWidth, Row));
                gfx.DrawString(label, factFont, Ink, new XRect(Margin, y + 5, LabelWidth, Row), XStringFormats.TopCenter);
                gfx.DrawString(Fit(gfx, value, factFont, width - LabelWidth - 12), factFont, Ink, new XRect(Margin + LabelWidth + 8, y + 5, width - LabelWidth - 12, Row), XStringFormats.TopLeft);
                y += Row;
            }

            y += 40;
            DrawIssuer(gfx, c, Margin, y, width);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void DrawIssuer(XGraphics gfx, DonationCertificateContent c, double x, double y, double width)
    {
        const double QrSize = 90;
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(c.VerifyUrl, QRCodeGenerator.ECCLevel.M))
        {
            // Vector squares from the module matrix, as on the volunteer certificate.
            var matrix = data.ModuleMatrix;
            var module = QrSize / matrix.Count;
            for (var row = 0; row < matrix.Count; row++)
            {
                for (var col = 0; col < matrix[row].Length; col++)
                {
                    if (matrix[row][col])
                    {
                        gfx.DrawRectangle(XBrushes.Black, x + (col * module), y + (row * module), module + 0.05, module + 0.05);
                    }
                }
            }
        }

        var small = Font(9);
        gfx.DrawString(Text.Get("Fund.cert.scan"), small, Ink, new XRect(x, y + QrSize + 2, QrSize, 12), XStringFormats.TopCenter);

        var font = Font(13);
        var right = new XRect(x + QrSize + 40, y + 20, width - QrSize - 40, 20);
        gfx.DrawString(Fit(gfx, c.FundName + Text.Get("Fund.cert.seal"), font, right.Width), font, Ink, right, XStringFormats.TopRight);
        right.Offset(0, 28);
        gfx.DrawString(Date(c.IssuedOn), font, Ink, right, XStringFormats.TopRight);

        // The address in print too, for whoever cannot scan.
        var note = Text.Get("Fund.cert.verify", c.VerifyUrl);
        Paragraph(gfx, note, small, x, y + QrSize + 24, width, 12);
    }

    private static string Date(DateOnly d) => Text.Get("Fund.cert.date_value", d.Year, d.Month, d.Day);

    private static double Paragraph(XGraphics gfx, string text, XFont font, double x, double y, double width, double lineHeight)
    {
        foreach (var line in Wrap(gfx, text, font, width))
        {
            gfx.DrawString(line, font, Ink, new XRect(x, y, width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }

        return y;
    }

    /// <summary>Lines no wider than <paramref name="width"/>, broken by character (Chinese has no spaces to break at).</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (line.Length > 0 && gfx.MeasureString(line + element, font).Width > width)
            {
                lines.Add(line);
                line = element;
                continue;
            }

            line += element;
        }

        lines.Add(line);
        return lines;
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = Wrap(gfx, text, font, width);
        return lines.Count == 1 ? lines[0] : lines[0][..Math.Max(0, lines[0].Length - 1)] + "…";
    }

    private static XFont Font(double size, bool bold = false) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
