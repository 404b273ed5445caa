using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// The county's dashboards in the browser (issue 12): the overview with its cards, ranking and trend charts and the
/// drill-down from the county to a township to a village; a township admin's overview on a phone; the map with its
/// markers and legend; the monthly report downloaded as Excel and PDF; and the hall's data screen opened at
/// 1920×1080 by its secret link without signing in, while a wrong key shows nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsDashboardTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task The_county_admin_reads_the_overview_drills_down_to_a_village_and_downloads_the_monthly_report()
    {
        var center = await app.SignInAsync("center");
        await center.GotoAsync("/stats");
        // The demo county has a year of service history: this month's hours are a figure, not a dash.
        await Assertions.Expect(center.GetByTestId("card-hours").Locator("b")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d[\d,.]*$"));
        var rows = center.GetByTestId("ranking").GetByTestId("rank-row");
        Assert.True(await rows.CountAsync() >= 2, "the county's ranking lists its townships");
        // Each trend is a drawn chart with its numbers in a table beside it.
        var trend = center.GetByTestId("trend").First;
        Assert.True(await trend.Locator("svg rect, svg path, svg polyline").CountAsync() > 0, "the trend chart draws nothing");
        Assert.True(await trend.Locator("table tbody tr").CountAsync() >= 12, "the trend's table does not hold twelve months");
        await BrowserFixture.LooksRightAsync(center, 1280, "stats-county");

        // The monthly report of what is on screen, as Excel and as PDF.
        var xlsx = await center.RunAndWaitForDownloadAsync(() => center.GetByTestId("report-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var workbook = await ReadAsync(xlsx);
        using (var zip = new ZipArchive(new MemoryStream(workbook)))
        {
            var strings = zip.GetEntry("xl/sharedStrings.xml") is { } entry ? new StreamReader(entry.Open(), Encoding.UTF8).ReadToEnd() : "";
            var worksheets = string.Join("", zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd()));
            // The township ranking is in the report: a demo township's name is among its cells.
            Assert.Contains("桃源镇", strings + worksheets, StringComparison.Ordinal);
        }

        var pdf = await center.RunAndWaitForDownloadAsync(() => center.GetByTestId("report-pdf").ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(await ReadAsync(pdf), 0, 4));

        // Drill down: the county's ranking links to a township, the township's to a village.
        var township = rows.Locator("a", new() { HasText = "桃源镇" }).First;
        await township.ClickAsync();
        await Assertions.Expect(center.Locator("h1")).ToContainTextAsync("桃源镇");
        await Assertions.Expect(center.GetByTestId("crumbs").Locator("li")).ToHaveCountAsync(2);
        await center.GetByTestId("ranking").GetByTestId("rank-row").Locator("a", new() { HasText = "桃花村" }).First.ClickAsync();
        await Assertions.Expect(center.Locator("h1")).ToContainTextAsync("桃花村");
        await Assertions.Expect(center.GetByTestId("crumbs").Locator("li")).ToHaveCountAsync(3);
        await BrowserFixture.LooksRightAsync(center, 1280, "stats-village");
        await center.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_township_admin_reads_the_township_on_a_phone_and_the_map_shows_the_units()
    {
        var town = await app.SignInAsync("town1", 360, 740);
        await town.GotoAsync("/stats");
        await Assertions.Expect(town.Locator("h1")).ToContainTextAsync("桃源镇");
        // The township ranks its own villages only.
        var names = await town.GetByTestId("ranking").GetByTestId("rank-row").Locator("a").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain("清溪镇", n, StringComparison.Ordinal));
        await BrowserFixture.LooksRightAsync(town, 360, "stats-township");

        await town.GetByTestId("map-link").ClickAsync();
        await Assertions.Expect(town.GetByTestId("map")).ToBeVisibleAsync();
        // Leaflet draws each placed unit as a circle marker (an SVG path), coloured by the legend's steps.
        await Assertions.Expect(town.GetByTestId("map").Locator("path.leaflet-interactive").First).ToBeVisibleAsync();
        Assert.True(await town.GetByTestId("legend").Locator("li").CountAsync() >= 2, "the map has no legend");
        Assert.True(await town.GetByTestId("map-row").CountAsync() > 0, "the map's table beside it is empty");
        await BrowserFixture.LooksRightAsync(town, 360, "stats-map-township");
        await town.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_data_screen_opens_by_its_secret_link_without_signing_in_and_a_wrong_key_shows_nothing()
    {
        var center = await app.SignInAsync("center");
        await center.GotoAsync("/stats/screen-link");
        var path = await center.GetByTestId("screen-link").GetAttributeAsync("href");
        Assert.StartsWith("/stats/screen?key=", path, StringComparison.Ordinal);
        await center.Context.CloseAsync();

        var hall = await app.NewPageAsync(1920, 1080);
        await hall.GotoAsync(path!);
        var figures = hall.GetByTestId("screen-figures");
        await Assertions.Expect(figures.Locator("b").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d"));
        await Assertions.Expect(hall.GetByTestId("screen-map").Locator("path.leaflet-interactive").First).ToBeVisibleAsync();
        await BrowserFixture.LooksRightAsync(hall, 1920, "stats-screen");

        var wrong = await hall.GotoAsync("/stats/screen?key=not-the-key");
        Assert.Contains(wrong!.Status, new[] { 401, 404 });
        await Assertions.Expect(hall.GetByTestId("screen-figures")).ToHaveCountAsync(0);
        await hall.Context.CloseAsync();
    }

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
