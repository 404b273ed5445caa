using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// A volunteer downloads their 志愿服务证明 on a phone, and whoever scans its QR code opens the public
/// verification page (no sign-in) at 360 px; an admin finds the same download in the volunteer list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CertificateTests(BrowserFixture app)
{
    [GeneratedRegex(@"/verify/([0-9a-f]{32})")]
    private static partial Regex VerifyLink();

    [BrowserFact]
    public async Task Volunteer_DownloadsTheCertificateOnAPhone_AndItsLinkOpensThePublicCheck()
    {
        var phone = await app.SignInAsync("volunteer1", 360, 740);
        await phone.GotoAsync("/volunteers/me");
        var number = await phone.GetByTestId("my-number").InnerTextAsync();
        var button = phone.GetByTestId("download-certificate");
        await Assertions.Expect(button).ToHaveTextAsync("下载志愿服务证明");
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the volunteer page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "certificate-mine-360");

        var download = await phone.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"wm-e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        var text = await PdfTextAsync(file);
        Assert.Contains("志愿服务证明", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        var code = VerifyLink().Match(text.Replace("\n", "", StringComparison.Ordinal)).Groups[1].Value;
        Assert.Equal(32, code.Length);

        // Someone else's phone, not signed in, opens the QR code's address.
        var stranger = await app.NewPageAsync(360, 740);
        await stranger.GotoAsync($"/verify/{code}");
        await Assertions.Expect(stranger.GetByTestId("verify-status")).ToHaveTextAsync("证明有效");
        await Assertions.Expect(stranger.GetByTestId("verify-volunteer-number")).ToHaveTextAsync(number);
        await Assertions.Expect(stranger.GetByTestId("verify-name")).ToContainTextAsync("*");
        Assert.True(await BrowserFixture.ScrollWidthAsync(stranger) <= 360, "the verification page scrolls sideways at 360 px");
        Assert.False(BrowserFixture.ResourceKey.IsMatch(await stranger.Locator("body").InnerTextAsync()), "the verification page shows a resource key");
        await BrowserFixture.ScreenshotAsync(stranger, "certificate-verify-360");

        var response = await stranger.GotoAsync("/verify/" + new string('0', 32));
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(stranger.GetByTestId("verify-not-found")).ToContainTextAsync("未找到该证明");
        await BrowserFixture.ScreenshotAsync(stranger, "certificate-verify-unknown-360");
        File.Delete(file);
        await phone.Context.CloseAsync();
        await stranger.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Admin_DownloadsAVolunteersCertificate_FromTheList()
    {
        var desk = await app.SignInAsync("village1");
        await desk.GotoAsync("/volunteers?status=Approved");
        var link = desk.GetByTestId("volunteers").Locator("a", new() { HasText = "下载证明" }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(desk, "certificate-admin-list-1280", fullPage: false);
        var download = await desk.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"wm-e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        Assert.Contains("经办人", await PdfTextAsync(file), StringComparison.Ordinal);
        File.Delete(file);

        // A pending registration has no certificate: the page says why instead of sending a file.
        var center = await app.SignInAsync("center");
        await center.GotoAsync("/volunteers?status=Pending");
        var pending = await center.GetByTestId("volunteers").Locator("tbody tr").First.GetAttributeAsync("data-testid");
        await center.GotoAsync($"/volunteers/{pending!["volunteer-".Length..]}/certificate");
        await Assertions.Expect(center.GetByTestId("certificate-refused")).ToContainTextAsync("尚未审核通过");
        await BrowserFixture.ScreenshotAsync(center, "certificate-refused-1280");
        await center.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    private static async Task<string> PdfTextAsync(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
