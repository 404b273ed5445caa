using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// The charity supermarket in the browser: a resident redeems on a 360 px phone and sees the big pickup
/// code; the counter types the code, sees who and what, and hands it over once; the admin stocks in a donation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MarketTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Resident_RedeemsOnAPhone_AndTheCounterHandsItOverWithTheCode()
    {
        var phone = await app.SignInAsync("resident2", 360, 740);
        await phone.GotoAsync("/");
        await phone.GetByText("菜单").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "公益超市" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("公益超市");
        var balance = int.Parse(await phone.GetByTestId("balance").Locator("b").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.LooksRightAsync(phone, 360, "market-shop");

        // 毛巾 costs 20 points at 桃花村's station (demo data).
        var towel = phone.Locator("li.goods-card", new() { HasText = "毛巾" });
        await Assertions.Expect(towel.Locator(".price")).ToContainTextAsync("20");
        await towel.GetByTestId("redeem").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("确认兑换");
        await BrowserFixture.LooksRightAsync(phone, 360, "market-confirm");

        // Too many: the form comes back with the message next to the field, and nothing is spent.
        await phone.FillAsync("#Quantity", "0");
        await phone.GetByTestId("confirm-redeem").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-valmsg-for='Quantity']")).ToContainTextAsync("兑换数量须为 1 到");
        await Assertions.Expect(phone.GetByTestId("balance")).ToContainTextAsync(balance.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await phone.FillAsync("#Quantity", "1");
        await phone.GetByTestId("confirm-redeem").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我的兑换");
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("兑换成功");
        var card = phone.Locator("section.redemption-card").First;
        await Assertions.Expect(card.GetByTestId("status")).ToHaveTextAsync("待领取");
        var code = (await card.GetByTestId("pickup-code").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[0-9]{6}$", code);
        var fontSize = await card.GetByTestId("pickup-code").EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(float.Parse(fontSize.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 40, "the pickup code is shown big: " + fontSize);
        await BrowserFixture.LooksRightAsync(phone, 360, "market-mine");

        // The counter, at a desk: a wrong code says so; the right one shows who and what, then 确认发放.
        var counter = await app.SignInAsync("village1");
        await counter.GotoAsync("/market/counter");
        await Assertions.Expect(counter.Locator("h1")).ToHaveTextAsync("柜台核销");
        await counter.GetByTestId("code").FillAsync(code == "000000" ? "000001" : "000000");
        await counter.GetByTestId("look-up").ClickAsync();
        await Assertions.Expect(counter.Locator("[data-valmsg-for='Code']")).ToContainTextAsync("取货码无效");
        await counter.GetByTestId("code").FillAsync(code);
        await counter.GetByTestId("look-up").ClickAsync();
        var found = counter.GetByTestId("found");
        await Assertions.Expect(found.Locator("h2")).ToHaveTextAsync("毛巾 × 1");
        await Assertions.Expect(found.GetByTestId("found-person")).Not.ToHaveTextAsync("—");
        await BrowserFixture.LooksRightAsync(counter, 1280, "market-counter");
        await found.GetByTestId("hand-over").ClickAsync();
        await Assertions.Expect(counter.Locator(".notice")).ToContainTextAsync("已发放：毛巾 × 1");

        // Used once: the same code again is refused.
        await counter.GetByTestId("code").FillAsync(code);
        await counter.GetByTestId("look-up").ClickAsync();
        await Assertions.Expect(counter.Locator("[data-valmsg-for='Code']")).ToContainTextAsync("已经领取过了");
        await counter.Context.CloseAsync();

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("section.redemption-card").First.GetByTestId("status")).ToHaveTextAsync("已领取");
        await phone.GotoAsync("/market");
        await Assertions.Expect(phone.GetByTestId("balance").Locator("b")).ToHaveTextAsync((balance - 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Counter_RedeemsForAResidentWithoutAPhone_AndHandsItOver()
    {
        var page = await app.SignInAsync("village1", 360, 740);
        await page.GotoAsync("/market/counter");
        await page.GetByTestId("counter-redeem-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("代居民兑换");

        // resident4 (demo) lives in 桃花村; find them by the family name.
        await page.GotoAsync("/market/counter/redeem?q=" + Uri.EscapeDataString("廖"));
        await page.GetByTestId("match").First.ClickAsync();
        var balanceText = await page.GetByTestId("balance").InnerTextAsync();
        var balance = int.Parse(Regex.Match(balanceText, "[0-9]+").Value, System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.LooksRightAsync(page, 360, "market-counter-redeem");

        // Too many comes back at the field, and nothing is spent.
        var toothpaste = await page.GetByTestId("goods").Locator("option", new() { HasText = "牙膏" }).GetAttributeAsync("value");
        await page.GetByTestId("goods").SelectOptionAsync(toothpaste!);
        await page.GetByTestId("quantity").FillAsync("21");
        await page.GetByTestId("counter-redeem").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Quantity']")).ToContainTextAsync("兑换数量须为 1 到");
        await Assertions.Expect(page.GetByTestId("balance")).ToContainTextAsync(balance.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByTestId("quantity").FillAsync("1");
        await page.GetByTestId("counter-redeem").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("柜台核销");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("牙膏 × 1，取货码");
        await Assertions.Expect(page.GetByTestId("found").Locator("h2")).ToHaveTextAsync("牙膏 × 1");
        await page.GetByTestId("found").GetByTestId("hand-over").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已发放：牙膏 × 1");

        // The person's statement shows the 15 points spent.
        await page.GotoAsync("/market/counter/redeem?q=" + Uri.EscapeDataString("廖"));
        await page.GetByTestId("match").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("balance")).ToContainTextAsync((balance - 15).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Admin_StocksInADonation_AndSeesItInTheLedger()
    {
        var page = await app.SignInAsync("village1", 360, 740);
        await page.GotoAsync("/market/goods");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("公益超市管理");
        await BrowserFixture.LooksRightAsync(page, 360, "market-goods");
        await page.GetByRole(AriaRole.Link, new() { Name = "大米" }).ClickAsync();
        var before = int.Parse(await page.GetByTestId("stock").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // A donation without its donor is sent back with the message at the field.
        await page.FillAsync("#Stock_Quantity", "4");
        await page.GetByTestId("stock-in").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Stock.Donor']")).ToContainTextAsync("请填写捐赠人");
        await Assertions.Expect(page.GetByTestId("stock")).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.FillAsync("#Stock_Quantity", "4");
        await page.FillAsync("#Stock_Donor", "桃花村乡贤王先生");
        await page.GetByTestId("stock-in").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("大米 的库存现为");
        await Assertions.Expect(page.GetByTestId("stock")).ToHaveTextAsync((before + 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("movements").Locator("tbody tr").First).ToContainTextAsync("桃花村乡贤王先生");

        // A picture for the shelf: the shop shows it.
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "大米.png",
            MimeType = "image/png",
            Buffer = Wenming.Web.Platform.Files.SampleFiles.Png(40, 30, (x, y) => ((byte)(200 + (x % 50)), (byte)(180 + (y % 60)), 120)),
        });
        await page.GetByTestId("upload-photo").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("图片已更新");
        await Assertions.Expect(page.GetByTestId("photo")).ToHaveJSPropertyAsync("naturalWidth", 40);
        await BrowserFixture.LooksRightAsync(page, 360, "market-goods-detail");
        await page.Context.CloseAsync();

        // On a desktop the shop shows the goods side by side, the picture on its card.
        var desk = await app.SignInAsync("resident3");
        await desk.GotoAsync("/market");
        var rice = desk.Locator("li.goods-card", new() { HasText = "大米" });
        await rice.Locator("img.goods-photo").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(rice.Locator("img.goods-photo")).ToHaveJSPropertyAsync("naturalWidth", 40);
        await BrowserFixture.LooksRightAsync(desk, 1280, "market-shop");
        await desk.Context.CloseAsync();
    }
}
