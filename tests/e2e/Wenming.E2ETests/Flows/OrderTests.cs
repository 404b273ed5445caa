using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>The service loop in the browser: a resident orders on a phone; the leader and the dispatcher see their pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Resident_OrdersOnAPhone_AndSeesItInMyOrders()
    {
        var phone = await app.SignInAsync("resident2", 360, 740);
        await phone.GotoAsync("/");
        await phone.GetByText("菜单").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "点单服务" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我的点单");
        await phone.GetByTestId("new-order").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我要点单");
        await BrowserFixture.LooksRightAsync(phone, 360, "order-new");

        // Without a description the form comes back with the message next to the field, and nothing is ordered.
        await phone.GetByTestId("submit-order").ClickAsync();
        await Assertions.Expect(phone.Locator("#Input_Description + .field-error, [data-valmsg-for='Input.Description']")).ToContainTextAsync("请填写需求描述");

        await phone.GetByTestId("item").SelectOptionAsync(new SelectOptionValue { Label = "理发（桃花村新时代文明实践站 · 便民服务）" });
        var need = "想请志愿者周六上门给老母亲理发" + Random.Shared.Next(1000, 9999);
        await phone.FillAsync("#Input_Description", need);
        await phone.FillAsync("#Input_Address", "桃花村5组3号");
        await phone.GetByTestId("submit-order").ClickAsync();

        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我的点单");
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("点单已提交");
        var card = phone.Locator("section.order-card", new() { HasText = need });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByTestId("status")).ToHaveTextAsync("待派单");
        await card.GetByText("办理进度").ClickAsync();
        await Assertions.Expect(card.GetByTestId("timeline")).ToContainTextAsync("点单");
        await BrowserFixture.LooksRightAsync(phone, 360, "order-mine");

        // Withdraw it again: 撤单 asks first, 确认撤单 does it.
        await card.GetByTestId("withdraw").ClickAsync();
        await card.GetByTestId("withdraw-confirm").ClickAsync();
        await Assertions.Expect(phone.Locator("section.order-card", new() { HasText = need }).GetByTestId("status")).ToHaveTextAsync("已撤单");
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Resident_RatesACompletedOrder_ChoosingStarsThenSubmitting()
    {
        var phone = await app.SignInAsync("resident1", 360, 740);
        await phone.GotoAsync("/orders/mine");
        // The demo county has one completed order of resident1 waiting for a rating.
        var card = phone.Locator("section.order-card", new() { Has = phone.GetByTestId("rate") }).First;
        await card.Locator("textarea").FillAsync("很满意");
        await card.GetByTestId("star-5").CheckAsync();
        await card.GetByTestId("rate-submit").ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("已评价 5 星");
        await Assertions.Expect(phone.GetByTestId("my-rating").First).ToContainTextAsync("★★★★★");
        await BrowserFixture.LooksRightAsync(phone, 360, "order-rated");
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Leader_ClaimsAPoolOrder_OnAPhone()
    {
        var phone = await app.SignInAsync("leader1", 360, 740);
        await phone.GotoAsync("/orders/inbox");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("接单");
        await BrowserFixture.LooksRightAsync(phone, 360, "order-inbox");
        var pooled = phone.Locator("section.order-card", new() { Has = phone.GetByTestId("claim") }).First;
        await pooled.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("抢单成功");
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已接单");
        await Assertions.Expect(phone.GetByTestId("complete-form")).ToBeVisibleAsync();
        await BrowserFixture.LooksRightAsync(phone, 360, "order-detail-leader");

        // Report completion: without anyone who served, the form says so and nothing changes.
        var form = phone.GetByTestId("complete-form");
        await form.Locator("#Summary").FillAsync("更换了电饭煲的温控器，已恢复加热");
        await form.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(phone.Locator("[role=alert]")).ToContainTextAsync("请填写参与服务的志愿者");
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已接单");
        await phone.GetByTestId("complete-form").Locator("input[type=checkbox]").First.CheckAsync();
        await phone.GetByTestId("complete-form").Locator("input[type=number]").First.FillAsync("1.5");
        await phone.GetByTestId("complete-form").Locator("#Summary").FillAsync("更换了电饭煲的温控器，已恢复加热");
        await phone.GetByTestId("complete-form").GetByTestId("complete").ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("已报告完成");
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(phone.GetByTestId("timeline")).ToContainTextAsync("更换了电饭煲的温控器");
        await phone.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Station_SeesTheBoardWithItsLights(int width, int height)
    {
        var page = await app.SignInAsync("village1", width, height);
        await page.GotoAsync("/orders/board");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("派单台");
        var board = page.GetByTestId("board");
        foreach (var light in new[] { "蓝灯", "黄灯", "红灯" })
        {
            await Assertions.Expect(board.Locator(".light", new() { HasText = light }).First).ToBeVisibleAsync();
        }

        await BrowserFixture.LooksRightAsync(page, width, "order-board");
        await page.GetByTestId("tab-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("board").Locator(".light", new() { HasText = "绿灯" }).First).ToBeVisibleAsync();
        await page.GetByTestId("tab-demands").ClickAsync();
        await BrowserFixture.LooksRightAsync(page, width, "order-demands");
        await page.GotoAsync("/orders/catalog");
        await BrowserFixture.LooksRightAsync(page, width, "order-catalog");

        // Dispatch a waiting order from its page to the village team (a different demo order per width).
        await page.GotoAsync("/orders/board");
        var need = width <= 360 ? "电风扇不转了" : "老人腿脚不便";
        await page.GetByTestId("board").Locator("tr", new() { HasText = need }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("待派单");
        await BrowserFixture.LooksRightAsync(page, width, "order-detail-dispatcher");
        await page.GetByTestId("dispatch-form").Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "桃花村志愿服务队" });
        await page.GetByTestId("dispatch-form").GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已派单");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("已派单");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("派给“桃花村志愿服务队”");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Center_ChangesTheCountysDeadlines_AndBadInputIsShownByTheField()
    {
        var page = await app.SignInAsync("center", 1280, 800);
        await page.GotoAsync("/orders/rules");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("点单时限");
        await page.FillAsync("#Input_AcceptHours", "0");
        await page.GetByTestId("rules-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.AcceptHours']")).ToContainTextAsync("接单时限（小时）须为1到720之间的整数");
        await page.FillAsync("#Input_AcceptHours", "24");
        await page.GetByTestId("rules-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("点单时限已保存");
        await BrowserFixture.LooksRightAsync(page, 1280, "order-rules");
        await page.Context.CloseAsync();
    }
}
