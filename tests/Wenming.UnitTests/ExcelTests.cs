using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wenming.Web.Platform.Excel;

namespace Wenming.UnitTests;

/// <summary>The platform Excel helper: what is written reads back as a person would see it, and nothing becomes a formula.</summary>
public sealed class ExcelTests
{
    private static IReadOnlyList<ExcelRow> ReadBack(byte[] bytes)
    {
        var read = ExcelReader.Read(new MemoryStream(bytes));
        Assert.True(read.IsSuccess, read.Error?.Message);
        return read.Value;
    }

    [Fact]
    public void RoundTrip_KeepsTextNumbersAndDates_InChinaTime_AndSkipsNothingButEmptyCells()
    {
        var bytes = ExcelWriter.Write(new ExcelSheet("名单", ["姓名", "时长", "手机号", "时间", "日期", "备注"],
        [
            ["张三", 2.5m, 13800138000L, new DateTimeOffset(2026, 1, 1, 16, 30, 0, TimeSpan.Zero), new DateOnly(2026, 3, 15), null],
            ["李四", 12, "13900139000", new DateTime(2026, 6, 30, 23, 5, 0, DateTimeKind.Utc), null, "第一行\n第二行"],
        ]));

        var rows = ReadBack(bytes);

        Assert.Equal(3, rows.Count);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal(["姓名", "时长", "手机号", "时间", "日期", "备注"], rows[0].Cells);
        Assert.Equal(["张三", "2.5", "13800138000", "2026-01-02 00:30", "2026-03-15"], rows[1].Cells);
        Assert.Equal("", rows[1][5]);
        Assert.Equal(["李四", "12", "13900139000", "2026-07-01 07:05", "", "第一行\n第二行"], rows[2].Cells);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("=HYPERLINK(\"http://evil\",\"点我\")")]
    [InlineData("+86 138")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void TextThatLooksLikeAFormula_IsWrittenAsText_WithTheQuotePrefix(string text)
    {
        var bytes = ExcelWriter.Write(new ExcelSheet("表", ["内容"], [[text]]));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == "A2");
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.True(format.QuotePrefix?.Value);
        Assert.Equal(text, ReadBack(bytes)[1][0]);
    }

    [Fact]
    public void Header_IsBoldAndFrozen_AndColumnsAreWideEnoughForChinese()
    {
        var bytes = ExcelWriter.Write(new ExcelSheet("表", ["所属村（社区）", "x"], [["桃花村新时代文明实践站", "1"]]));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var header = sheet.Descendants<Cell>().Single(c => c.CellReference == "A1");
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)styles.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(font.Bold);
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[0] >= 22, $"11 Chinese characters need about 22 widths, got {widths[0]}");
        Assert.True(widths[1] < widths[0]);
    }

    [Fact]
    public void Reader_UnderstandsSharedStrings_NumbersAndDatesStoredAsNumbers_AndSkipsEmptyRows()
    {
        // Built the way Excel saves a file: shared strings, a phone typed as a number, a date with a built-in format.
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("姓名")), new SharedStringItem(new Text("王五")));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 170, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 170 }, new CellFormat { NumberFormatId = 2 }));
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "B3" }) { RowIndex = 3 },
                new Row(
                    new Cell { CellReference = "A5", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                    new Cell { CellReference = "C5", CellValue = new CellValue("1.3800138E10") },
                    new Cell { CellReference = "D5", StyleIndex = 1, CellValue = new CellValue("46096") },
                    new Cell { CellReference = "E5", StyleIndex = 2, CellValue = new CellValue("46096") },
                    new Cell { CellReference = "F5", StyleIndex = 3, CellValue = new CellValue("46096") },
                    new Cell { CellReference = "G5", DataType = CellValues.Boolean, CellValue = new CellValue("1") })
                { RowIndex = 5 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" }));
        }

        var rows = ReadBack(stream.ToArray());

        Assert.Equal([1, 5], rows.Select(r => r.Number));
        Assert.Equal(["王五", "", "13800138000", "2026-03-15", "2026-03-15", "46096", "TRUE"], rows[1].Cells);
    }

    [Fact]
    public void Reader_RefusesWhatIsNotAnXlsx_WithA400()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("不是表格");
        }

        foreach (var bytes in new[] { "姓名,身份证号\n张三,1"u8.ToArray(), zip.ToArray(), Array.Empty<byte>() })
        {
            var read = ExcelReader.Read(new MemoryStream(bytes));

            Assert.False(read.IsSuccess);
            Assert.Equal("Excel.not_xlsx", read.Error!.Code);
            Assert.Equal(400, (int)read.Error.Kind);
            Assert.NotNull(read.Error.Fields?["file"]);
        }
    }

    [Fact]
    public void Reader_StopsAtTheRowLimit_WithAClearMessage()
    {
        var bytes = ExcelWriter.Write(new ExcelSheet("表", ["序号"], Enumerable.Range(1, 20).Select(i => (IReadOnlyList<object?>)[i])));

        var read = ExcelReader.Read(new MemoryStream(bytes), maxRows: 11);

        Assert.Equal("Excel.too_many_rows", read.Error!.Code);
        Assert.Contains("10", read.Error.Message, StringComparison.Ordinal);
        Assert.Equal(21, ExcelReader.Read(new MemoryStream(bytes), maxRows: 21).Value.Count);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"", true)]
    [InlineData("h:mm", true)]
    [InlineData("0.00", false)]
    [InlineData("[Red]0", false)]
    [InlineData("\"day\"0", false)]
    [InlineData("@", false)]
    public void DateFormats_AreToldFromNumberFormats(string code, bool isDate) => Assert.Equal(isDate, ExcelReader.IsDateFormat(code));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void ColumnNames_RoundTrip(int index, string name)
    {
        Assert.Equal(name, ExcelWriter.ColumnName(index));
        Assert.Equal(index, ExcelReader.ColumnIndex(name + "12"));
    }
}
