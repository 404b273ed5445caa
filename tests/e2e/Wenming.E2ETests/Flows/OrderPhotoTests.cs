using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Platform.Files;

namespace Wenming.E2ETests.Flows;

/// <summary>Photos on completion (issue 4): the leader attaches a photo from a phone while reporting; the resident sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderPhotoTests(BrowserFixture app)
{
    /// <summary>True once the image has really been loaded and decoded (not a broken-image icon).</summary>
    private static Task<bool> LoadedAsync(ILocator img) => img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0");

    [BrowserFact]
    public async Task Leader_AttachesAPhotoAndCompletes_OnAPhone_AndTheResidentSeesIt()
    {
        var phone = await app.SignInAsync("leader1", 360, 740);
        await phone.GotoAsync("/orders/inbox?all=true");
        // The demo county's accepted order of resident5, served by leader1's village team.
        await phone.Locator("section.order-card", new() { HasText = "给卧床的母亲理发" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已接单");
        var form = phone.GetByTestId("complete-form");
        Assert.Equal("image/*", await form.GetByTestId("photo-input").GetAttributeAsync("accept"));
        Assert.NotNull(await form.GetByTestId("photo-input").GetAttributeAsync("multiple"));

        // A text file named like a photo is refused by its bytes, next to the picker, and nothing is attached.
        await form.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a picture") });
        await form.GetByTestId("upload-photos").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-valmsg-for='PhotoFiles']")).ToContainTextAsync("只能上传");
        await Assertions.Expect(phone.GetByTestId("order-photos")).ToHaveCountAsync(0);
        await BrowserFixture.LooksRightAsync(phone, 360, "order-photo-refused");

        // The photo goes up with the report itself.
        var photo = SampleFiles.Png(160, 120, (x, y) => ((byte)(80 + x), (byte)(60 + y), 40));
        form = phone.GetByTestId("complete-form");
        await form.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = "理发后.png", MimeType = "image/png", Buffer = photo });
        await form.Locator("#Summary").FillAsync("上门为老人理发并清扫碎发");
        await form.Locator("input[type=checkbox]").First.CheckAsync();
        await form.Locator("input[type=number]").First.FillAsync("1");
        await form.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("已报告完成");
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已完成");
        var thumbnail = phone.GetByTestId("order-photos").Locator("img");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        Assert.True(await LoadedAsync(thumbnail), "the leader's thumbnail does not load");
        // Completed: the photos are evidence now, with no delete button.
        await Assertions.Expect(phone.GetByTestId("order-photos").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await BrowserFixture.LooksRightAsync(phone, 360, "order-photo-completed");
        await phone.Context.CloseAsync();

        var resident = await app.SignInAsync("resident5", 360, 740);
        await resident.GotoAsync("/orders/mine");
        var card = resident.Locator("section.order-card", new() { HasText = "给卧床的母亲理发" });
        await Assertions.Expect(card.GetByTestId("status")).ToHaveTextAsync("已完成");
        var shot = card.GetByTestId("order-photos").Locator("img");
        await Assertions.Expect(shot).ToHaveCountAsync(1);
        Assert.True(await LoadedAsync(shot), "the resident's thumbnail does not load");
        await BrowserFixture.LooksRightAsync(resident, 360, "order-photo-resident");
        await resident.Context.CloseAsync();
    }
}
