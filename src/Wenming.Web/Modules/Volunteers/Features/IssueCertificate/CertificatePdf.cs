using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers.Features.IssueCertificate;

/// <summary>One service item as printed (confirmed, not cancelled by a reversal).</summary>
public sealed record CertificateItem(DateOnly Date, string Place, string Content, decimal Hours);

/// <summary>Everything the certificate prints (RULES.md's list).</summary>
public sealed record CertificateContent(
    string CertificateNumber, string Name, string VolunteerNumber, string MaskedIdNumber, decimal TotalHours, int Stars,
    IReadOnlyList<CertificateItem> Items, string IssuerName, string? PersonInCharge, string HandlerName, string? ContactPhone,
    DateOnly IssuedOn, string VerifyUrl, decimal TrainingHours = 0);

/// <summary>
/// Draws the certificate on A4 with PDFsharp: title, holder, service table (continued on further
/// pages when long, header repeated), total, issuer block with the verification QR code, and the
/// certificate number with page numbers on every page. Chinese text is wrapped by character, since
/// it has no spaces to break at.
/// </summary>
public sealed class CertificatePdf
{
    private const double Margin = 56;
    private const double FooterSpace = 40;
    private static readonly XColor Red = XColor.FromArgb(158, 27, 27);
    private static readonly XBrush Ink = XBrushes.Black;

    // Columns of the service table: No., date, place, content, hours (widths in points; content takes the rest).
    private static readonly double[] FixedWidths = [38, 76, 118, 0, 66];

    public CertificatePdf(IConfiguration config)
    {
        CertificateFonts.Install(config["Certificates:FontPath"]);
    }

    public byte[] Render(CertificateContent c)
    {
        using var document = new PdfDocument();
        document.Info.Title = Text.Get("Cert.pdf.title") + " " + c.CertificateNumber;
        document.Info.Author = c.IssuerName;
        var writer = new PageWriter(document);
        var gfx = writer.NewPage();
        var width = writer.PageWidth - (2 * Margin);

        var title = Font(26, bold: true);
        gfx.DrawString(Text.Get("Cert.pdf.title"), title, new XSolidBrush(Red), new XRect(Margin, 52, width, 40), XStringFormats.TopCenter);
        var small = Font(10);
        gfx.DrawString(Text.Get("Cert.pdf.number", c.CertificateNumber), small, Ink, new XRect(Margin, 96, width, 14), XStringFormats.TopRight);

        var body = Font(12);
        // Spacing is kept tight so that a year of service, the seal and the QR code fit on one A4 page (issue 11).
        var y = 118.0;
        var intro = Text.Get("Cert.pdf.intro", c.Name, c.VolunteerNumber, FormatHours(c.TotalHours));
        y = DrawParagraph(gfx, intro, body, Margin, y, width, 19, indent: true);
        y += 6;

        // The holder's facts, two to a line.
        var facts = new (string Label, string Value)[]
        {
            (Text.Get("Cert.pdf.name"), c.Name),
            (Text.Get("Cert.pdf.volunteer_number"), c.VolunteerNumber),
            (Text.Get("Cert.pdf.id_number"), c.MaskedIdNumber),
            (Text.Get("Cert.pdf.total_hours"), Text.Get("Cert.pdf.hours_value", FormatHours(c.TotalHours))),
            (Text.Get("Cert.pdf.stars"), c.Stars > 0 ? new string('★', c.Stars) : Text.Get("Cert.pdf.no_stars")),
            (Text.Get("Cert.pdf.item_count"), c.Items.Count.ToString(CultureInfo.InvariantCulture)),
            // Training has its own line (RULES.md): never part of the service total above, never stars.
            (Text.Get("Cert.pdf.training_hours"), Text.Get("Cert.pdf.hours_value", FormatHours(c.TrainingHours))),
        };
        var factFont = Font(11);
        var half = width / 2;
        for (var i = 0; i < facts.Length; i += 2)
        {
            for (var j = 0; j < 2 && i + j < facts.Length; j++)
            {
                var (label, value) = facts[i + j];
                var text = Fit(gfx, label + "：" + value, factFont, half - 8);
                gfx.DrawString(text, factFont, Ink, new XRect(Margin + (j * half), y, half - 8, 18), XStringFormats.TopLeft);
            }

            y += 18;
        }

        y += 6;
        gfx.DrawString(Text.Get("Cert.pdf.items_title"), Font(13, bold: true), Ink, new XRect(Margin, y, width, 18), XStringFormats.TopLeft);
        y += 20;
        (gfx, y) = DrawTable(writer, gfx, c, y, width);

        // The issuer block stays in one piece: it moves to a new page when it does not fit.
        const double IssuerHeight = 150;
        if (y + IssuerHeight > writer.PageHeight - Margin - FooterSpace)
        {
            gfx = writer.NewPage();
            y = Margin + 10;
        }

        DrawIssuer(gfx, c, Margin, y + 14, width);
        writer.Finish(c.CertificateNumber, small);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static (XGraphics Gfx, double Y) DrawTable(PageWriter writer, XGraphics gfx, CertificateContent c, double y, double width)
    {
        var widths = FixedWidths.ToArray();
        widths[3] = width - FixedWidths.Sum();
        string[] headers =
        [
            Text.Get("Cert.pdf.col_no"), Text.Get("Cert.pdf.col_date"), Text.Get("Cert.pdf.col_place"),
            Text.Get("Cert.pdf.col_content"), Text.Get("Cert.pdf.col_hours"),
        ];
        var headFont = Font(10, bold: true);
        var cellFont = Font(10);
        const double Line = 12.5;
        const double Pad = 3;
        var bottom = writer.PageHeight - Margin - FooterSpace;
        var pen = new XPen(XColors.DimGray, 0.6);

        double DrawRow(XGraphics g, double top, string[] cells, XFont font, bool shaded)
        {
            var lines = cells.Select((text, i) => Wrap(g, text, font, widths[i] - (2 * Pad))).ToArray();
            var height = (lines.Max(l => l.Count) * Line) + (2 * Pad);
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = new XRect(x, top, widths[i], height);
                if (shaded)
                {
                    g.DrawRectangle(new XSolidBrush(XColor.FromArgb(244, 236, 236)), cell);
                }

                g.DrawRectangle(pen, cell);
                var numeric = i is 0 or 4;
                for (var l = 0; l < lines[i].Count; l++)
                {
                    var box = new XRect(x + Pad, top + Pad + (l * Line), widths[i] - (2 * Pad), Line);
                    g.DrawString(lines[i][l], font, Ink, box, numeric ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                }

                x += widths[i];
            }

            return height;
        }

        double RowHeight(XGraphics g, string[] cells, XFont font) =>
            (cells.Select((text, i) => Wrap(g, text, font, widths[i] - (2 * Pad)).Count).Max() * Line) + (2 * Pad);

        y += DrawRow(gfx, y, headers, headFont, shaded: true);
        if (c.Items.Count == 0)
        {
            var empty = Text.Get("Cert.pdf.no_items");
            gfx.DrawRectangle(pen, new XRect(Margin, y, width, Line + (2 * Pad)));
            gfx.DrawString(empty, cellFont, Ink, new XRect(Margin, y + Pad, width, Line), XStringFormats.TopCenter);
            y += Line + (2 * Pad);
        }

        for (var n = 0; n < c.Items.Count; n++)
        {
            var item = c.Items[n];
            string[] cells =
            [
                (n + 1).ToString(CultureInfo.InvariantCulture),
                item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                item.Place, item.Content, FormatHours(item.Hours),
            ];
            if (y + RowHeight(gfx, cells, cellFont) > bottom)
            {
                // Continue on a new page with the header repeated.
                gfx = writer.NewPage();
                y = Margin + 10;
                gfx.DrawString(Text.Get("Cert.pdf.items_continued"), Font(11, bold: true), Ink, new XRect(Margin, y, width, 16), XStringFormats.TopLeft);
                y += 22;
                y += DrawRow(gfx, y, headers, headFont, shaded: true);
            }

            y += DrawRow(gfx, y, cells, cellFont, shaded: false);
        }

        // The total row: the platform's total of confirmed hours (reversals netted).
        if (y + Line + (2 * Pad) > bottom)
        {
            gfx = writer.NewPage();
            y = Margin + 10;
        }

        var labelWidth = width - widths[4];
        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(244, 236, 236)), new XRect(Margin, y, width, Line + (2 * Pad)));
        gfx.DrawRectangle(pen, new XRect(Margin, y, labelWidth, Line + (2 * Pad)));
        gfx.DrawRectangle(pen, new XRect(Margin + labelWidth, y, widths[4], Line + (2 * Pad)));
        gfx.DrawString(Text.Get("Cert.pdf.total_row"), headFont, Ink, new XRect(Margin + Pad, y + Pad, labelWidth - (2 * Pad), Line), XStringFormats.TopRight);
        gfx.DrawString(FormatHours(c.TotalHours), headFont, Ink, new XRect(Margin + labelWidth, y + Pad, widths[4], Line), XStringFormats.TopCenter);
        y += Line + (2 * Pad);
        return (gfx, y);
    }

    private static void DrawIssuer(XGraphics gfx, CertificateContent c, double x, double y, double width)
    {
        // QR code on the left: the absolute URL of the public verification page. Drawn as vector
        // squares from QRCoder's module matrix (sharp at any zoom; PDFsharp cannot read its 1-bit PNG).
        const double QrSize = 86;
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(c.VerifyUrl, QRCodeGenerator.ECCLevel.M))
        {
            var matrix = data.ModuleMatrix;
            var module = QrSize / matrix.Count;
            for (var row = 0; row < matrix.Count; row++)
            {
                for (var col = 0; col < matrix[row].Length; col++)
                {
                    if (matrix[row][col])
                    {
                        // A hair wider than the module, so neighbouring squares leave no seams when rasterized.
                        gfx.DrawRectangle(XBrushes.Black, x + (col * module), y + (row * module), module + 0.05, module + 0.05);
                    }
                }
            }
        }

        var small = Font(9);
        gfx.DrawString(Text.Get("Cert.pdf.scan_to_verify"), small, Ink, new XRect(x, y + QrSize + 2, QrSize, 12), XStringFormats.TopCenter);

        var font = Font(11);
        var left = x + QrSize + 36;
        var lineWidth = width - (QrSize + 36);
        (string Label, string Value)[] lines =
        [
            (Text.Get("Cert.pdf.issuer"), c.IssuerName + Text.Get("Cert.pdf.seal")),
            (Text.Get("Cert.pdf.person_in_charge"), c.PersonInCharge ?? "—"),
            (Text.Get("Cert.pdf.handler"), c.HandlerName),
            (Text.Get("Cert.pdf.contact"), c.ContactPhone ?? "—"),
            (Text.Get("Cert.pdf.issued_on"), Text.Get("Cert.pdf.date", c.IssuedOn.Year, c.IssuedOn.Month, c.IssuedOn.Day)),
        ];
        var ly = y;
        foreach (var (label, value) in lines)
        {
            gfx.DrawString(Fit(gfx, label + "：" + value, font, lineWidth), font, Ink, new XRect(left, ly, lineWidth, 18), XStringFormats.TopLeft);
            ly += 17;
        }

        var noteY = Math.Max(y + QrSize + 16, ly + 6);
        var afterNote = DrawParagraph(gfx, Text.Get("Cert.pdf.note"), small, x, noteY, width, 12, indent: false);
        // The address in print too, for whoever cannot scan (and so the text of the PDF names its check).
        DrawParagraph(gfx, Text.Get("Cert.pdf.verify_url", c.VerifyUrl), small, x, afterNote + 2, width, 12, indent: false);
    }

    private static double DrawParagraph(XGraphics gfx, string text, XFont font, double x, double y, double width, double lineHeight, bool indent)
    {
        var lines = Wrap(gfx, (indent ? "\u3000\u3000" : "") + text, font, width);
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, Ink, new XRect(x, y, width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }

        return y;
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, by character (text elements, so surrogate pairs stay whole).</summary>
    internal static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        var elements = StringInfo.GetTextElementEnumerator(text.ReplaceLineEndings(" "));
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (line.Length > 0 && gfx.MeasureString(line + element, font).Width > width)
            {
                lines.Add(line);
                line = element == " " ? "" : element;
                continue;
            }

            line += element;
        }

        lines.Add(line);
        return lines;
    }

    /// <summary>One line, cut with "…" if too wide (labels of the facts and the issuer block).</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = Wrap(gfx, text, font, width);
        return lines.Count == 1 ? lines[0] : lines[0][..Math.Max(0, lines[0].Length - 1)] + "…";
    }

    private static string FormatHours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>Adds A4 pages with the red double frame, and numbers them all at the end ("第 1 页，共 2 页").</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? _current;

        public double PageWidth { get; private set; } = XUnit.FromMillimeter(210).Point;

        public double PageHeight { get; private set; } = XUnit.FromMillimeter(297).Point;

        public XGraphics NewPage()
        {
            _current?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            PageWidth = page.Width.Point;
            PageHeight = page.Height.Point;
            _current = XGraphics.FromPdfPage(page);
            var frame = new XPen(Red, 1.6);
            _current.DrawRectangle(frame, new XRect(28, 28, PageWidth - 56, PageHeight - 56));
            _current.DrawRectangle(new XPen(Red, 0.5), new XRect(33, 33, PageWidth - 66, PageHeight - 66));
            return _current;
        }

        public void Finish(string certificateNumber, XFont font)
        {
            _current?.Dispose();
            _current = null;
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var footer = Text.Get("Cert.pdf.footer", certificateNumber, i + 1, count);
                gfx.DrawString(footer, font, XBrushes.DimGray, new XRect(Margin, PageHeight - Margin - 14, PageWidth - (2 * Margin), 14), XStringFormats.TopCenter);
            }
        }
    }
}
