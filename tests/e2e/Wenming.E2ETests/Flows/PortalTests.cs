using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// An anonymous visitor opens the platform's address on a phone (360 px): the portal, not a sign-in form; picks
/// their village, reads an article and finds sign-in one tap away (issue 16).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task AnAnonymousPhone_ReadsThePortal_PicksItsVillage_ReadsAnArticle_AndFindsSignIn()
    {
        var phone = await app.NewPageAsync(360, 740);
        await phone.GotoAsync("/");
        Assert.Contains("/portal", phone.Url, StringComparison.Ordinal);
        await Assertions.Expect(phone.GetByTestId("portal-title")).ToBeVisibleAsync();
        await BrowserFixture.LooksRightAsync(phone, 360, "portal-county");

        var village = await phone.Locator("#unit option", new() { HasText = "桃花村新时代文明实践站" }).GetAttributeAsync("value");
        await phone.SelectOptionAsync("#unit", village!);
        await phone.GetByTestId("unit-go").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("portal-title")).ToContainTextAsync("桃花村");
        await Assertions.Expect(phone.GetByText("桃花村本周六义诊通知")).ToBeVisibleAsync();
        await BrowserFixture.LooksRightAsync(phone, 360, "portal-village");

        await phone.GetByText("桃花村本周六义诊通知").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("article-title")).ToHaveTextAsync("桃花村本周六义诊通知");
        Assert.Equal("桃花村本周六义诊通知", await phone.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        await BrowserFixture.LooksRightAsync(phone, 360, "portal-article");

        await phone.GetByTestId("back-to-portal").ClickAsync();
        await phone.GetByTestId("portal-sign-in").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(phone, url => url.Contains("/account/login", StringComparison.Ordinal));
        await phone.Context.CloseAsync();
    }
}
