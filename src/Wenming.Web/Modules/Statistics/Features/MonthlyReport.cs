using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wenming.Web.Modules.Assessment.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Statistics.Features;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>One ranking of the report: the units one level down by an indicator.</summary>
public sealed record ReportRanking(string Label, IReadOnlyList<RankingItemDto> Items, bool Percent = false);

/// <summary>
/// 月通报: the indicators of a period and subtree against the period before, the units one level down ranked by
/// the indicators the monthly meeting discusses, and the red lights per unit. The same content as Excel
/// (Platform/Excel) and as PDF (PDFsharp with the certificate's CJK font).
/// </summary>
public sealed class MonthlyReport(StatisticsQueries stats, IPublishedAssessments assessments, TimeProvider clock, IConfiguration config)
{
    /// <summary>The indicators the units are ranked by in the report.</summary>
    public static readonly string[] RankedBy = ["hours", "activities", "ordersCompleted", "satisfaction", "lightsRed"];

    public async Task<Result<ReportFile>> BuildAsync(StatsRequest request, string? format, CancellationToken ct)
    {
        var pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
        if (!pdf && !string.IsNullOrEmpty(format) && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return FieldErrors.One("format", "validation.failed", "Statistics.error.format");
        }

        var overview = await stats.OverviewAsync(request, ct);
        if (!overview.IsSuccess)
        {
            return overview.Error!;
        }

        var o = overview.Value;
        var rankings = new List<ReportRanking>();
        foreach (var key in RankedBy)
        {
            var ranking = await stats.RankingAsync(request with { OrgUnitId = o.OrgUnitId, Indicator = key, Level = null }, ct);
            if (ranking.IsSuccess && ranking.Value.Count > 0)
            {
                var indicator = o.Indicators.Single(i => i.Key == key);
                rankings.Add(new ReportRanking(indicator.Label, ranking.Value, indicator.Percent));
            }
        }

        // The published 考评 of the period, when the unit ran one (issue 13): its ranking goes into the report as it was published.
        if (await assessments.ForPeriodAsync(o.OrgUnitId, o.From, o.To, ct) is { } assessed)
        {
            rankings.Add(new ReportRanking(assessed.Title, [.. assessed.Rows.Select(r => new RankingItemDto(r.OrgUnitId, r.Name, r.Score, r.Rank))]));
        }

        var baseName = Text.Get("Statistics.report.file", o.Name, o.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture), o.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        return pdf
            ? new ReportFile(baseName + ".pdf", "application/pdf", RenderPdf(o, rankings))
            : new ReportFile(baseName + ".xlsx", ExcelWriter.ContentType, RenderExcel(o, rankings));
    }

    /// <summary>A figure as the pages and reports show it: a rate as a percentage, anything else as a number.</summary>
    public static string Figure(decimal? value, bool percent) =>
        percent && value is { } rate ? Text.Percent(rate) : Number(value);

    /// <summary>The change from the previous period: a rate's in percentage points, anything else also relative.</summary>
    public static string Change(decimal? value, decimal? previous, bool percent = false) => (value, previous) switch
    {
        ({ } v, { } p) when v == p => "—",
        ({ } v, { } p) when percent => Text.Get("Statistics.ui.points_change", ((v - p) * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)),
        ({ } v, { } p) when p == 0 => (v > 0 ? "+" : "") + Number(v),
        ({ } v, { } p) => (v > p ? "+" : "") + Number(v - p) + " (" + ((v - p) / Math.Abs(p)).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) + ")",
        _ => "—",
    };

    public static string Number(decimal? value) => value is { } v ? v.ToString(v == Math.Round(v) ? "N0" : "N2", CultureInfo.InvariantCulture) : "—";

    // Counts stay numbers a spreadsheet can add up; a rate is written as the percentage the page shows (60.0 %), not 0.6.
    private static object? Cell(decimal? value, bool percent) => percent && value is not null ? Figure(value, percent) : value;

    private static byte[] RenderExcel(OverviewDto o, List<ReportRanking> rankings)
    {
        var indicators = new ExcelSheet(
            Text.Get("Statistics.report.sheet_indicators"),
            [Text.Get("Statistics.col.indicator"), Text.Get("Statistics.col.value"), Text.Get("Statistics.col.previous"), Text.Get("Statistics.col.change")],
            o.Indicators.Select(i => (IReadOnlyList<object?>)[i.Label, Cell(i.Value, i.Percent), Cell(i.Previous, i.Percent), Change(i.Value, i.Previous, i.Percent)]));
        var ranked = new ExcelSheet(
            Text.Get("Statistics.report.sheet_rankings"),
            [Text.Get("Statistics.col.indicator"), Text.Get("Statistics.col.rank"), Text.Get("Statistics.col.unit"), Text.Get("Statistics.col.value")],
            rankings.SelectMany(r => r.Items.Select(i => (IReadOnlyList<object?>)[r.Label, i.Rank, i.Name, Cell(i.Value, r.Percent)])));
        var period = new ExcelSheet(
            Text.Get("Statistics.report.sheet_period"),
            [Text.Get("Statistics.col.unit"), Text.Get("Statistics.col.from"), Text.Get("Statistics.col.to"), Text.Get("Statistics.col.previous_period")],
            [[o.Name, o.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                o.PreviousFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ~ " + o.PreviousTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]]);
        return ExcelWriter.Write(period, indicators, ranked);
    }

    private byte[] RenderPdf(OverviewDto o, List<ReportRanking> rankings)
    {
        PdfFonts.Install(config);
        using var document = new PdfDocument();
        document.Info.Title = Text.Get("Statistics.report.title", o.Name);
        var page = new PdfWriter(document);
        page.Line(Text.Get("Statistics.report.title", o.Name), 18, bold: true);
        page.Line(Text.Get("Statistics.report.period", o.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            o.PreviousFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.PreviousTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), 10);
        page.Line(Text.Get("Statistics.report.made", Text.Display(clock.GetUtcNow().UtcDateTime)), 9);
        page.Gap(8);
        page.Line(Text.Get("Statistics.report.sheet_indicators"), 13, bold: true);
        page.Row([Text.Get("Statistics.col.indicator"), Text.Get("Statistics.col.value"), Text.Get("Statistics.col.previous"), Text.Get("Statistics.col.change")], bold: true);
        foreach (var i in o.Indicators)
        {
            page.Row([i.Label, Figure(i.Value, i.Percent), Figure(i.Previous, i.Percent), Change(i.Value, i.Previous, i.Percent)]);
        }

        foreach (var r in rankings)
        {
            page.Gap(8);
            page.Line(Text.Get("Statistics.report.ranking", r.Label), 13, bold: true);
            page.Row([Text.Get("Statistics.col.rank"), Text.Get("Statistics.col.unit"), Text.Get("Statistics.col.value"), ""], bold: true, ranking: true);
            foreach (var item in r.Items)
            {
                page.Row([item.Rank.ToString(CultureInfo.InvariantCulture), item.Name, Figure(item.Value, r.Percent), ""], ranking: true);
            }
        }

        page.Done();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Lines and four-column rows down A4 pages, a new page when one is full.</summary>
    private sealed class PdfWriter(PdfDocument document)
    {
        private const double Margin = 48;
        private static readonly double[] IndicatorColumns = [0, 200, 300, 400];

        // Rank, unit (a full unit name is some 15 characters), value.
        private static readonly double[] RankingColumns = [0, 44, 330, 480];
        private XGraphics? _gfx;
        private double _y;
        private double _bottom;

        public void Line(string text, double size, bool bold = false)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            Ensure(size + 8).DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y + size));
            _y += size + 8;
        }

        public void Gap(double points) => _y += points;

        public void Done() => _gfx?.Dispose();

        public void Row(IReadOnlyList<string> cells, bool bold = false, bool ranking = false)
        {
            var columns = ranking ? RankingColumns : IndicatorColumns;
            var font = new XFont(PdfFonts.Family, 10, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var gfx = Ensure(16);
            for (var c = 0; c < cells.Count && c < columns.Length; c++)
            {
                gfx.DrawString(cells[c], font, XBrushes.Black, new XPoint(Margin + columns[c], _y + 11));
            }

            gfx.DrawLine(XPens.LightGray, Margin, _y + 15, Margin + 480, _y + 15);
            _y += 16;
        }

        private XGraphics Ensure(double height)
        {
            if (_gfx is null || _y + height > _bottom)
            {
                _gfx?.Dispose();
                var page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                _gfx = XGraphics.FromPdfPage(page);
                _y = Margin;
                _bottom = page.Height.Point - Margin;
            }

            return _gfx;
        }
    }
}
