using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Excel;

namespace Wenming.E2ETests.Flows;

/// <summary>The import page and the 导出Excel buttons, in the browser, with real files both ways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExcelTests(BrowserFixture app)
{
    /// <summary>A checksum-valid ID number of an adult, unique enough for one run (region 110105, not the demo county's).</summary>
    private static string IdNumber()
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 10_000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        return first17 + ChineseIdNumber.ComputeCheckChar(first17);
    }

    private static async Task<IReadOnlyList<ExcelRow>> ReadDownloadAsync(IDownload download)
    {
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        var read = ExcelReader.Read(copy);
        Assert.True(read.IsSuccess, read.Error?.Message);
        return read.Value;
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task StationAdmin_DownloadsTheTemplate_UploadsAFile_AndSeesEachBadRowWithItsReason(int width, int height)
    {
        var page = await app.SignInAsync("village1", width, height);
        await page.GotoAsync("/volunteers");
        await page.GetByTestId("import-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("从 Excel 导入志愿者");

        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-template").ClickAsync());
        Assert.Equal("志愿者导入模板.xlsx", template.SuggestedFilename);
        var headers = Assert.Single(await ReadDownloadAsync(template)).Cells;
        Assert.Equal("姓名", headers[0]);

        // Nothing chosen: the message sits at the field.
        await page.GetByTestId("import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-file")).ToHaveTextAsync("请选择要上传的 Excel 文件。");

        var good = "网页导入" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var file = ExcelWriter.Write(new ExcelSheet("志愿者", headers,
        [
            [good, IdNumber(), "13812345678", "桃花村新时代文明实践站", "书法"],
            ["坏手机号", IdNumber(), "12345", "桃花村新时代文明实践站"],
        ]));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "志愿者.xlsx", MimeType = ExcelWriter.ContentType, Buffer = file });
        await page.GetByTestId("import-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("共 2 行：成功导入 1 行，1 行有错误未导入。");
        var bad = page.GetByTestId("import-error-3");
        await Assertions.Expect(bad).ToContainTextAsync("手机号");
        await Assertions.Expect(bad).ToContainTextAsync("手机号码格式不正确");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.False(BrowserFixture.ResourceKey.IsMatch(text), $"the import page shows a resource key: {BrowserFixture.ResourceKey.Match(text).Value}");
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= Math.Max(width, 1280), "the import page scrolls sideways");
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, "the import page scrolls sideways at 360 px");
        }

        await BrowserFixture.ScreenshotAsync(page, $"volunteer-import-{width}");

        // The imported volunteer is in the list, approved, and in the list's export.
        await page.GotoAsync($"/volunteers?q={Uri.EscapeDataString(good)}");
        await Assertions.Expect(page.GetByTestId("volunteers").Locator("tbody tr")).ToContainTextAsync("已通过");
        var export = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-link").ClickAsync());
        Assert.EndsWith(".xlsx", export.SuggestedFilename, StringComparison.Ordinal);
        var rows = await ReadDownloadAsync(export);
        Assert.Equal(2, rows.Count);
        Assert.Equal(good, rows[1][1]);
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("/activities", "活动名称")]
    [InlineData("/service-records", "志愿者编号")]
    public async Task ExportButtons_DownloadTheListAsExcel(string path, string firstHeader)
    {
        var page = await app.SignInAsync("center");
        await page.GotoAsync(path);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-link").ClickAsync());

        var rows = await ReadDownloadAsync(download);
        Assert.Equal(firstHeader, rows[0][0]);
        Assert.True(rows.Count > 1, $"{path}: the demo county's export has rows");
        await page.Context.CloseAsync();
    }
}
