using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The volunteer service certificate (志愿服务证明, RULES.md) and its public verification: the PDF is
/// read back as text with pdftotext (poppler-utils), as a person would read the paper.
/// </summary>
public sealed partial class CertificateTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    [GeneratedRegex(@"证明编号：(\d{16})")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"/verify/([0-9a-f]{32})")]
    private static partial Regex CodePattern();

    /// <summary>What a client receives for the certificate: status, content type, the raw bytes and their text.</summary>
    private sealed record Download(HttpStatusCode Status, string? ContentType, byte[] Bytes, string Text)
    {
        public string Number => NumberPattern().Match(Text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No certificate number in: " + Text);

        public string Code => CodePattern().Match(Text.Replace("\n", "", StringComparison.Ordinal)) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No verification link in: " + Text);
    }

    private async Task<Download> DownloadAsync(string login, long volunteerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/volunteers/{volunteerId}/certificate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        return new Download(response.StatusCode, type, bytes, type == "application/pdf" ? await PdfTextAsync(bytes) : System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The PDF's text in reading order, by poppler's pdftotext (installed by test.sh and CI).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wm-cert-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<(long Id, string Name, string Number)> ApprovedVolunteerAsync()
    {
        var name = "林" + TestData.Name("证");
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        var approved = (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return (id, name, approved.Text("volunteerNumber"));
    }

    private async Task<long> ConfirmedAsync(long volunteerId, decimal hours, string content = "政策宣讲", int daysAgo = 1)
    {
        var body = new { date = Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "桃花村文化礼堂", content, hours };
        var id = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteerId}/service-records", body)).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> OwnVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?status=Approved&");
        return Assert.Single(all, v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    [DatabaseFact]
    public async Task Volunteer_DownloadsOwnCertificate_APdfWithTheirNumberNameHoursAndACheckableNumber()
    {
        var id = await OwnVolunteerIdAsync("volunteer1");
        var me = (await app.As("volunteer1").GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK);

        var pdf = await DownloadAsync("volunteer1", id);

        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 4));
        Assert.Contains("志愿服务证明", pdf.Text, StringComparison.Ordinal);
        Assert.Contains(me.Text("volunteerNumber"), pdf.Text, StringComparison.Ordinal);
        Assert.Contains(me.Text("name"), pdf.Text, StringComparison.Ordinal);
        Assert.Contains($"累计服务时长：{Hours(me.Json.GetProperty("totalHours").GetDecimal())} 小时", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("本人网上申请，系统出具", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("云溪县新时代文明实践中心", pdf.Text, StringComparison.Ordinal);
        Assert.Matches(@"339\*{11}\d{3}[\dX]", pdf.Text);
        Assert.StartsWith("339901" + Today.Year.ToString(CultureInfo.InvariantCulture), pdf.Number, StringComparison.Ordinal);

        // The printed link leads to the same certificate.
        var check = (await app.Anonymous().GetAsync($"/api/v1/certificates/{pdf.Code}/verification")).Expect(HttpStatusCode.OK);
        Assert.Equal(pdf.Number, check.Text("certificateNumber"));
    }

    [DatabaseFact]
    public async Task Verification_ShowsTheSameCertificate_MaskedOnly_OnTheApiAndThePublicPage()
    {
        var (id, name, number) = await ApprovedVolunteerAsync();
        await ConfirmedAsync(id, 6.5m);
        var pdf = await DownloadAsync("village1", id);
        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Contains("6.5", pdf.Text, StringComparison.Ordinal);

        var check = (await app.Anonymous().GetAsync($"/api/v1/certificates/{pdf.Code}/verification")).Expect(HttpStatusCode.OK);
        Assert.True(check.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(pdf.Number, check.Text("certificateNumber"));
        Assert.Equal(name[0] + new string('*', name.Length - 2) + name[^1], check.Text("holderName"));
        Assert.Equal(number, check.Text("volunteerNumber"));
        Assert.Equal(6.5m, check.Json.GetProperty("totalHours").GetDecimal());
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), check.Text("issuedOn"));
        Assert.Equal("云溪县新时代文明实践中心", check.Text("issuingOrganization"));
        Assert.DoesNotContain(name, check.Body, StringComparison.Ordinal);

        var page = await app.Anonymous().GetAsync($"/verify/{pdf.Code}");
        page.Expect(HttpStatusCode.OK);
        Assert.Contains("证明有效", page.Body, StringComparison.Ordinal);
        Assert.Contains(pdf.Number, page.Body, StringComparison.Ordinal);
        Assert.Contains(number, page.Body, StringComparison.Ordinal);
        Assert.Contains(check.Text("holderName"), page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(name, page.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task UnknownCode_IsNotFound_OnTheApiAndThePage()
    {
        var unknown = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var api = (await app.Anonymous().GetAsync($"/api/v1/certificates/{unknown}/verification")).ExpectProblem(HttpStatusCode.NotFound, "Cert.not_found");
        Assert.Contains("未找到该证明", api.Text("detail"), StringComparison.Ordinal);
        (await app.Anonymous().GetAsync("/api/v1/certificates/not-a-code/verification")).ExpectProblem(HttpStatusCode.NotFound, "Cert.not_found");

        var page = await app.Anonymous().GetAsync($"/verify/{unknown}");
        page.Expect(HttpStatusCode.NotFound);
        Assert.Contains("未找到该证明", page.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ManyChecksFromOneAddress_AreRefusedWith429_InChinese_OtherAddressesUnaffected()
    {
        // A fresh address per run, so no other test shares this partition.
        var address = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var client = app.Anonymous(address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 125; i++)
        {
            statuses.Add((await client.GetAsync($"/api/v1/certificates/{i:x32}/verification")).Status);
        }

        Assert.Equal(120, statuses.Count(s => s == HttpStatusCode.NotFound));
        var refused = (await client.GetAsync("/api/v1/certificates/0/verification")).ExpectProblem(HttpStatusCode.TooManyRequests, "Cert.rate_limited");
        Assert.Contains("核验请求过于频繁", refused.Text("detail"), StringComparison.Ordinal);
        (await app.Anonymous("192.0.2.77").GetAsync("/api/v1/certificates/0/verification")).ExpectProblem(HttpStatusCode.NotFound, "Cert.not_found");
    }

    [DatabaseFact]
    public async Task StrangersAndOtherUnits_GetNotFound_SupervisorsForbidden()
    {
        var own = await OwnVolunteerIdAsync("volunteer1");
        var other = await OwnVolunteerIdAsync("volunteer2");

        var stranger = await DownloadAsync("volunteer2", own);
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
        Assert.Contains("volunteer.not_found", stranger.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync("village2", own)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync("resident1", other)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync("volunteer1", 987_654_321)).Status);
        var supervisor = await DownloadAsync("supervisor1", own);
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.Status);
        Assert.Contains("common.forbidden", supervisor.Text, StringComparison.Ordinal);
        (await app.Anonymous().GetAsync($"/api/v1/volunteers/{own}/certificate")).Expect(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task UnapprovedVolunteer_GetsAConflict_AndNoCertificate()
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("待审"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;

        var refused = await DownloadAsync("village1", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Contains("Cert.volunteer_not_approved", refused.Text, StringComparison.Ordinal);
        Assert.Contains("尚未审核通过", refused.Text, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task SameDayAndNothingChanged_ReusesTheCertificate_AReversalIssuesANewOneWithTheNewTotal()
    {
        var (id, _, _) = await ApprovedVolunteerAsync();
        await ConfirmedAsync(id, 10m, "敬老院打扫卫生");
        var wrong = await ConfirmedAsync(id, 5m, "重复登记的宣讲", daysAgo: 2);

        var first = await DownloadAsync("village1", id);
        var again = await DownloadAsync("village1", id);
        Assert.Equal(first.Number, again.Number);
        Assert.Equal(first.Code, again.Code);
        Assert.Contains("累计服务时长：15 小时", first.Text, StringComparison.Ordinal);
        Assert.Contains("重复登记的宣讲", first.Text, StringComparison.Ordinal);

        (await app.As("village1").PostAsync($"/api/v1/service-records/{wrong}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);
        var next = await DownloadAsync("village1", id);

        Assert.NotEqual(first.Number, next.Number);
        Assert.Contains("累计服务时长：10 小时", next.Text, StringComparison.Ordinal);
        Assert.Contains("敬老院打扫卫生", next.Text, StringComparison.Ordinal);
        // The reversed item and its reversal cancel out: neither is listed.
        Assert.DoesNotContain("重复登记的宣讲", next.Text, StringComparison.Ordinal);
        Assert.Equal(10m, (await app.Anonymous().GetAsync($"/api/v1/certificates/{next.Code}/verification")).Expect(HttpStatusCode.OK).Json.GetProperty("totalHours").GetDecimal());
        // The earlier certificate still verifies, with what it said on its day.
        Assert.Equal(15m, (await app.Anonymous().GetAsync($"/api/v1/certificates/{first.Code}/verification")).Expect(HttpStatusCode.OK).Json.GetProperty("totalHours").GetDecimal());
    }

    [DatabaseFact]
    public async Task ALongHistory_ContinuesOnFurtherPages_WithEveryItemAndPageNumbers()
    {
        var (id, _, _) = await ApprovedVolunteerAsync();
        for (var i = 1; i <= 30; i++)
        {
            await ConfirmedAsync(id, 1m, $"第{i}次入户走访", daysAgo: i);
        }

        var pdf = await DownloadAsync("village1", id);

        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Contains("志愿服务记录（续）", pdf.Text, StringComparison.Ordinal);
        Assert.Matches(@"第 2 页，共 [23] 页", pdf.Text);
        for (var i = 1; i <= 30; i++)
        {
            Assert.Contains($"第{i}次入户走访", pdf.Text, StringComparison.Ordinal);
        }

        Assert.Contains("累计服务时长：30 小时", pdf.Text, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AYearOfFortnightlyService_FitsOnOnePage_WithTheSealAndTheQrCode()
    {
        // The demo volunteer's fourteen records once pushed the QR code and signatures onto a nearly empty second page.
        var (id, _, _) = await ApprovedVolunteerAsync();
        for (var i = 1; i <= 14; i++)
        {
            await ConfirmedAsync(id, 8m, $"第{i}次理论政策宣讲", daysAgo: i * 7);
        }

        var pdf = await DownloadAsync("village1", id);

        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Contains("第 1 页，共 1 页", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("第14次理论政策宣讲", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("出具单位", pdf.Text, StringComparison.Ordinal);
    }
}
