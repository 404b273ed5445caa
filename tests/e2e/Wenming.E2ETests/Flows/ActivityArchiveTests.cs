using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Platform.Files;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// Activity archives in the browser: a station completes the demo's incomplete archive on a phone
/// (a refused upload shows its message, a photo from the "camera" appears as a thumbnail), and
/// archives the demo's complete one on a desktop. Each test uses its own demo activity.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityArchiveTests(BrowserFixture app)
{
    private static async Task OpenFinishedAsync(IPage page, string title)
    {
        await page.GotoAsync("/activities?status=Finished");
        await page.GetByTestId("activities").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    [BrowserFact]
    public async Task Station_CompletesAnArchive_OnAPhone()
    {
        const string title = "垃圾分类入户宣传";
        var phone = await app.SignInAsync("village1", 360, 740);
        await phone.GotoAsync("/activities?status=Finished");
        var row = phone.GetByTestId("activities").Locator("tbody tr", new() { HasText = title });
        await Assertions.Expect(row.GetByTestId("archive-badge")).ToHaveTextAsync("档案未完整");
        await OpenFinishedAsync(phone, title);

        var archive = phone.GetByTestId("archive");
        await Assertions.Expect(archive.GetByTestId("archive-badge")).ToHaveTextAsync("档案未完整（缺：诵读金句、群众评单、资料留存、签到表）");
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await phone.Locator("body").InnerTextAsync());
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the activity page scrolls sideways at 360 px");
        await Assertions.Expect(archive.GetByTestId("upload-form").Locator("input[type=file]")).ToHaveAttributeAsync("accept", new Regex("image/\\*"));

        // A text file named like a photo is refused by its bytes, and the form says so in Chinese.
        var form = archive.GetByTestId("upload-form");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "签到表.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a picture") });
        await form.Locator("select[name=kind]").SelectOptionAsync("SignInSheet");
        await form.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("file-error")).ToContainTextAsync("只能上传 JPEG、PNG、WebP 图片或 PDF 文件");
        await BrowserFixture.ScreenshotAsync(phone, "archive-refused-360");

        foreach (var step in new[] { "ReadQuotes", "PublicReview", "KeepRecords" })
        {
            var item = phone.GetByTestId("archive").GetByTestId("step-" + step);
            if (step == "PublicReview")
            {
                await item.Locator("input[name=note]").FillAsync("评单 15 份，均满意");
            }

            await item.GetByRole(AriaRole.Button, new() { Name = "标记完成" }).ClickAsync();
            await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("已更新流程环节");
            await Assertions.Expect(phone.GetByTestId("archive").GetByTestId("step-" + step)).ToContainTextAsync("完成");
        }

        await Assertions.Expect(phone.GetByTestId("archive").GetByTestId("step-PublicReview")).ToContainTextAsync("评单 15 份，均满意");
        var sheet = SampleFiles.Png(120, 160, (x, y) => (y % 20 == 0 ? (byte)0 : (byte)250, 250, 250));
        form = phone.GetByTestId("archive").GetByTestId("upload-form");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "签到表.png", MimeType = "image/png", Buffer = sheet });
        await form.Locator("select[name=kind]").SelectOptionAsync("SignInSheet");
        await form.Locator("input[name=caption]").FillAsync("入户签到表");
        await form.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("附件已上传");

        archive = phone.GetByTestId("archive");
        await Assertions.Expect(archive.GetByTestId("archive-badge")).ToHaveTextAsync("档案完整");
        var thumb = archive.GetByTestId("attachments").Locator("li", new() { HasText = "入户签到表" }).Locator("img");
        await Assertions.Expect(thumb).ToHaveCountAsync(1);
        // The thumbnail is served by the cookie route and really decodes as an image.
        await phone.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 120", await thumb.ElementHandleAsync());
        await Assertions.Expect(archive.GetByTestId("archive-button")).ToBeVisibleAsync();
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the archive panel scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "archive-complete-360");
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Station_ArchivesACompleteActivity_AndItBecomesReadOnly()
    {
        const string title = "“爱国歌曲大家唱”主题实践活动";
        var page = await app.SignInAsync("village1", 1280, 800);
        await OpenFinishedAsync(page, title);
        var archive = page.GetByTestId("archive");
        await Assertions.Expect(archive.GetByTestId("archive-badge")).ToHaveTextAsync("档案完整");
        await Assertions.Expect(archive.GetByTestId("pdf-link")).ToHaveAttributeAsync("href", new Regex("^/files/\\d+$"));
        await BrowserFixture.ScreenshotAsync(page, "archive-complete-1280");

        await archive.GetByTestId("archive-button").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("活动已归档");
        await Assertions.Expect(page.GetByTestId("activity")).ToContainTextAsync("已归档");
        archive = page.GetByTestId("archive");
        await Assertions.Expect(archive).ToContainTextAsync("已归档，档案只能查看");
        await Assertions.Expect(archive.GetByTestId("upload-form")).ToHaveCountAsync(0);
        await Assertions.Expect(archive.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(archive.GetByTestId("attachments").Locator("li")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "archive-archived-1280");
        await page.Context.CloseAsync();
    }
}
