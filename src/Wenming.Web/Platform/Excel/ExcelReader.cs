using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Platform.Excel;

/// <summary>One non-empty row of a sheet: its row number as the spreadsheet shows it, and its cells as text (A = index 0).</summary>
public sealed record ExcelRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// Reads the first worksheet of an .xlsx file as rows of text, the way a person sees them: shared and
/// inline strings, numbers without float noise (13800138000, not 1.3800138E10), dates stored as
/// numbers back as yyyy-MM-dd (HH:mm), booleans as TRUE/FALSE. Empty rows are skipped. Anything that is
/// not an .xlsx package is a 400 (<c>Excel.not_xlsx</c>), not an exception.
/// </summary>
public static class ExcelReader
{
    private const int MaxColumns = 256;

    /// <summary>The rows of the first sheet; more than <paramref name="maxRows"/> non-empty rows is a 400 (the header counts).</summary>
    public static Result<IReadOnlyList<ExcelRow>> Read(Stream stream, int maxRows = int.MaxValue)
    {
        try
        {
            // OpenXml needs a seekable stream (it is a zip); uploads are buffered already, but be sure.
            using var seekable = stream.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                stream.CopyTo(seekable);
                seekable.Position = 0;
            }

            using var document = SpreadsheetDocument.Open(seekable ?? stream, false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                return Error.Field("file", "Excel.not_xlsx");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            return ReadRows(sheet, shared, dateStyles, maxRows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentException)
        {
            return Error.Field("file", "Excel.not_xlsx");
        }
    }

    private static Result<IReadOnlyList<ExcelRow>> ReadRows(WorksheetPart sheet, string[] shared, HashSet<uint> dateStyles, int maxRows)
    {
        var rows = new List<ExcelRow>();
        var lastRow = 0;
        // A streaming reader: a sheet with a million rows is refused after maxRows without being loaded whole.
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
            lastRow = number;
            var cells = new List<string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                if (column >= MaxColumns)
                {
                    // No import has that many columns; a stray far-right cell must not allocate a huge row.
                    continue;
                }

                while (cells.Count < column)
                {
                    cells.Add("");
                }

                var value = Value(cell, shared, dateStyles).Trim();
                if (cells.Count == column)
                {
                    cells.Add(value);
                }
                else
                {
                    cells[column] = value;
                }
            }

            if (cells.TrueForAll(c => c.Length == 0))
            {
                continue;
            }

            if (rows.Count >= maxRows)
            {
                return Error.Field("file", "Excel.too_many_rows", maxRows - 1);
            }

            rows.Add(new ExcelRow(number, cells));
        }

        return rows;
    }

    private static string Value(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.String || type == CellValues.Error || raw.Length == 0)
        {
            return raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        // Decimal keeps 28 digits: a phone number typed as a number comes back as its digits.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString("0.############", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The cell formats (style indexes) whose number format shows a date or time.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) or (>= 27 and <= 36) or (>= 50 and <= 58)
                || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A custom format shows a date when it has y, m, d, h or s outside quotes and brackets (not "0.00" or "[Red]0").</summary>
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '[')
            {
                bracket = true;
            }
            else if (!quoted && ch == ']')
            {
                bracket = false;
            }
            else if (!quoted && ch == '\\')
            {
                i++;
            }
            else if (!quoted && !bracket && "ymdhsYMDHS".Contains(ch, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"C5" → 2.</summary>
    internal static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                column = (column * 26) + (ch - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return Math.Max(0, column - 1);
    }
}
