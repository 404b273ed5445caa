using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Text = Wenming.Web.Platform.Localization.Text;

namespace Wenming.Web.Platform.Excel;

/// <summary>One worksheet: a header row and typed rows (text, numbers, dates; null is an empty cell).</summary>
public sealed record ExcelSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes .xlsx workbooks with the Open XML SDK (ADR 0010): bold, frozen header row, column widths
/// from the content, numbers as numbers, times in China Standard Time as real Excel dates. Every text is
/// written as a string cell, never a formula; text that a spreadsheet would take for a formula when
/// edited (= + - @) also gets the quote prefix, so exported data cannot become a formula (CSV/formula injection).
/// </summary>
public static class ExcelWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Style indexes into the cell formats of the stylesheet below.
    private const uint StyleHeader = 1;
    private const uint StyleDateTime = 2;
    private const uint StyleDate = 3;
    private const uint StyleText = 4;
    private const uint StyleQuotedText = 5;
    private const uint StyleWrapped = 6;

    private const double MinWidth = 6;
    private const double MaxWidth = 60;

    public static byte[] Write(params ExcelSheet[] sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IReadOnlyList<ExcelSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());

        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheets[i]);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = SheetName(sheets[i].Name) });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The text a cell shows for a value (as Excel would display it); for widths and tests.</summary>
    public static string Display(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => t.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTime t => Text.Display(t),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether a spreadsheet would read this text as a formula if someone typed it in.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static Worksheet Worksheet(ExcelSheet sheet)
    {
        var widths = sheet.Headers.Select(Width).ToArray();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Headers.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), sheet.Headers[c], StyleHeader));
        }

        data.Append(header);
        uint rowIndex = 1;
        foreach (var values in sheet.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < values.Count; c++)
            {
                if (values[c] is null)
                {
                    continue;
                }

                row.Append(Cell(Reference(c, rowIndex), values[c]!));
                if (c < widths.Length)
                {
                    widths[c] = Math.Max(widths[c], Width(Display(values[c])));
                }
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(widths[c], MinWidth, MaxWidth), CustomWidth = true });
        }

        // The header stays in view while scrolling: a frozen pane below row 1.
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        var worksheet = new Worksheet(new SheetViews(view), new SheetFormatProperties { DefaultRowHeight = 15 });
        if (columns.HasChildren)
        {
            worksheet.Append(columns);
        }

        worksheet.Append(data);
        return worksheet;
    }

    private static Cell Cell(string reference, object value)
    {
        switch (value)
        {
            case DateTimeOffset t:
                return DateCell(reference, t.ToOffset(Text.ChinaOffset).DateTime, StyleDateTime);
            case DateTime t:
                return DateCell(reference, Text.ToChinaTime(t).DateTime, StyleDateTime);
            case DateOnly d:
                return DateCell(reference, d.ToDateTime(TimeOnly.MinValue), StyleDate);
            case int or long or short or decimal or double or float:
                return new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
                };
            default:
                var text = Display(value);
                return TextCell(reference, text, LooksLikeFormula(text) ? StyleQuotedText : text.Contains('\n', StringComparison.Ordinal) ? StyleWrapped : StyleText);
        }
    }

    private static Cell DateCell(string reference, DateTime local, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        CellValue = new CellValue(local.ToOADate().ToString("0.##########", CultureInfo.InvariantCulture)),
    };

    // Inline strings keep the writer one pass; the reader understands both them and shared strings.
    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    // XML 1.0 cannot carry most control characters; a cell would make the whole file unreadable.
    private static string Clean(string text) =>
        text.Any(ch => ch < ' ' && ch is not '\t' and not '\n' and not '\r') ? new string(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray()) : text;

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var borders = new Borders(new Border());
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" });
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            // "@" (49) is the text format: what someone types in later stays text (ID and phone numbers keep their digits).
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 49, ApplyNumberFormat = true, ApplyAlignment = true });
        return new Stylesheet(formats, fonts, fills, borders, cellFormats);
    }

    /// <summary>Column width in characters: CJK characters take two.</summary>
    private static double Width(string text)
    {
        var longest = text.Split('\n').Max(line => line.Sum(ch => ch > 0x2E80 ? 2 : 1));
        return longest + 2;
    }

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    internal static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }
}
