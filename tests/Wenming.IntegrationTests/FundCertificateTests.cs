using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Audit;

namespace Wenming.IntegrationTests;

/// <summary>
/// The donation certificate (捐赠证书, issue 14) read back with pdftotext and pdfinfo, and the fund's figures in the
/// statistics checked against the books.
/// </summary>
public sealed class FundCertificateTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly FundTestKit _kit = new(app);

    private long County => app.Demo.Unit("county");

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(HttpStatusCode Status, string? Type, byte[] Bytes)> DownloadAsync(string login, long id, string? password = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/fund/donations/{id}/certificate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login, password));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wm-donation-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            string[] args = tool == "pdftotext" ? ["-enc", "UTF-8", file, "-"] : [file];
            using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, tool + " failed: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [DatabaseFact]
    public async Task Certificate_IsOnePage_WithDonorAmountInCapitalsDateAndReceipt_AndIsAudited()
    {
        var donation = (await _kit.DonateAsync(County, 100_000, donor: "桃源县宏达建材有限公司")).Expect(HttpStatusCode.Created);
        var receipt = donation.Text("receiptNumber");

        var (status, type, bytes) = await DownloadAsync("center", donation.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/pdf", type);
        var info = await RunAsync("pdfinfo", bytes);
        Assert.Matches(@"Pages:\s+1\b", info);
        var text = (await RunAsync("pdftotext", bytes)).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("捐赠证书", text, StringComparison.Ordinal);
        Assert.Contains("桃源县宏达建材有限公司", text, StringComparison.Ordinal);
        Assert.Contains("壹仟元整", text, StringComparison.Ordinal);
        Assert.Contains("1,000.00", text, StringComparison.Ordinal);
        Assert.Contains(receipt, text, StringComparison.Ordinal);
        var d = DateTime.UtcNow.AddHours(8);
        Assert.Contains($"{d.Year}年{d.Month}月{d.Day}日", text, StringComparison.Ordinal);
        Assert.Contains("新时代文明实践基金", text, StringComparison.Ordinal);
        Assert.Contains($"/fund/public/{County}", text, StringComparison.Ordinal);

        var audited = await _kit.ReadAsync(db => db.Set<AuditEntry>().CountAsync(a => a.EntityType == "DonationCertificate" && a.EntityId == donation.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(1, audited);
    }

    [DatabaseFact]
    public async Task Certificate_OfAnAnonymousDonor_Says爱心人士()
    {
        var donation = (await _kit.DonateAsync(County, 5_005, donor: "不愿具名的张某", anonymous: true)).Expect(HttpStatusCode.Created);

        var (status, _, bytes) = await DownloadAsync("center", donation.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        var text = (await RunAsync("pdftotext", bytes)).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("爱心人士", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张某", text, StringComparison.Ordinal);
        Assert.Contains("伍拾元零伍分", text, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Certificate_OfAReversedDonation_Is409_AndOfAnotherCounty_Is404_AndOnlyTheCenterPrints()
    {
        var donation = (await _kit.DonateAsync(County, 2_000)).Expect(HttpStatusCode.Created);
        (await app.As("village1").GetAsync($"/api/v1/fund/donations/{donation.Id}/certificate")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var other = await _kit.County2CenterAsync();
        (await app.As(other, TestData.StrongPassword).GetAsync($"/api/v1/fund/donations/{donation.Id}/certificate")).ExpectProblem(HttpStatusCode.NotFound, "donation.not_found");

        var reversal = (await app.As("center").PostAsync($"/api/v1/fund/donations/{donation.Id}/reverse", new { reason = "录入错误" })).Expect(HttpStatusCode.Created);

        var refused = (await app.As("center").GetAsync($"/api/v1/fund/donations/{donation.Id}/certificate")).ExpectProblem(HttpStatusCode.Conflict, "donation.reversed");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
        (await app.As("center").GetAsync($"/api/v1/fund/donations/{reversal.Id}/certificate")).ExpectProblem(HttpStatusCode.Conflict, "donation.reversed");
        await _kit.AssertBooksBalanceAsync();
    }

    [DatabaseFact]
    public async Task FundIndicators_AgreeWithTheBooks()
    {
        var project = await _kit.ApprovedProjectAsync(app.Demo.Unit("village1"), 30_000, applicant: "village1");
        var before = await OverviewAsync(Today, Today);
        var villageBefore = await OverviewAsync(Today, Today, app.Demo.Unit("village1"));
        (await _kit.DonateAsync(County, 50_000)).Expect(HttpStatusCode.Created);
        var paid = (await _kit.PayAsync(project, 20_000)).Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync($"/api/v1/fund/payments/{paid.Id}/reverse", new { reason = "发票有误" })).Expect(HttpStatusCode.Created);
        (await _kit.PayAsync(project, 7_000)).Expect(HttpStatusCode.Created);

        var after = await OverviewAsync(Today, Today);
        Assert.Equal(before.Donations + 500m, after.Donations);
        Assert.Equal(before.Payments + 70m, after.Payments);

        // The balance at the end of the window is the fund's balance, for the county.
        var books = await _kit.BalanceAsync(County);
        Assert.Equal(books.Balance / 100m, after.Balance);
        var all = await OverviewAsync(DateTime.UtcNow.AddHours(8).AddDays(-3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Today);
        Assert.Equal(books.Donations / 100m, all.Donations);
        Assert.Equal(books.Payments / 100m, all.Payments);

        // The village's figures: what was paid to its projects (the donation went to the county center).
        var village = await OverviewAsync(Today, Today, app.Demo.Unit("village1"));
        Assert.Equal(villageBefore.Donations, village.Donations);
        Assert.Equal(villageBefore.Payments + 70m, village.Payments);
        Assert.Equal(villageBefore.Balance - 70m, village.Balance);
        await _kit.AssertBooksBalanceAsync();
    }

    private async Task<(decimal Donations, decimal Payments, decimal Balance)> OverviewAsync(string from, string to, long? unit = null)
    {
        var overview = (await app.As("center").GetAsync($"/api/v1/stats/overview?orgUnitId={unit ?? County}&from={from}&to={to}")).Expect(HttpStatusCode.OK);
        return (Indicator(overview, "fundDonations"), Indicator(overview, "fundPayments"), Indicator(overview, "fundBalance"));
    }

    private static decimal Indicator(ApiResponse overview, string key) =>
        overview.Json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key).GetProperty("value").GetDecimal();
}
