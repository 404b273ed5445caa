using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// Every page, as the roles that use it, on a phone and on a desktop: it answers 200, shows no raw
/// resource key, and never scrolls sideways. The screenshots are for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserFixture app)
{
    private static readonly string[] AdminPages = ["/", "/org", "/people", "/people/create", "/accounts", "/accounts/create", "/audit", "/me", "/stats/map"];

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task CenterAdmin_EveryPage_RendersInChinese_WithoutSidewaysScrolling(int width, int height)
    {
        var page = await app.SignInAsync("center", width, height);
        foreach (var path in AdminPages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
            var text = await page.Locator("body").InnerTextAsync();
            Assert.False(BrowserFixture.ResourceKey.IsMatch(text), $"{path} shows a resource key: {BrowserFixture.ResourceKey.Match(text).Value}");
            var name = path == "/" ? "home" : path.Trim('/').Replace('/', '-');
            await BrowserFixture.ScreenshotAsync(page, $"tour-center-{name}-{width}", fullPage: width > 400);
            if (width <= 360)
            {
                Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, $"{path} scrolls sideways at {width} px");
            }
        }

        // Paging: the county has about a hundred people, twenty to a page.
        await page.GotoAsync("/people");
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 2 /");

        // One of each detail page.
        await page.GotoAsync("/people");
        await page.GetByTestId("people").Locator("tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-id")).ToHaveTextAsync(new Regex(@"^\d{3}\*{11}[\dX]{4}$"));
        await BrowserFixture.ScreenshotAsync(page, $"tour-center-person-{width}");
        await page.GotoAsync("/accounts?q=village1");
        await page.GetByTestId("accounts").GetByText("village1", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("village1");
        await BrowserFixture.ScreenshotAsync(page, $"tour-center-account-{width}");
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, $"account page scrolls sideways at {width} px");
        }

        // The unit forms: edit and move, filled with the unit's current values.
        await page.GotoAsync("/org");
        await page.GetByTestId("children").GetByText("桃源镇新时代文明实践所", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveValueAsync("桃源镇新时代文明实践所");
        await BrowserFixture.ScreenshotAsync(page, $"tour-center-org-edit-{width}");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "调整上级" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_DivisionCode")).ToHaveValueAsync("339901001000");
        await Assertions.Expect(page.Locator("#Input_ParentId option:checked")).ToContainTextAsync("云溪县新时代文明实践中心");
        await BrowserFixture.ScreenshotAsync(page, $"tour-center-org-move-{width}");
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, $"move page scrolls sideways at {width} px");
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Resident_SeesHomeAndMine_WithTheirOwnRecordMasked_AndNoAdminPages()
    {
        var page = await app.SignInAsync("resident1", 360, 740);
        await page.GetByText("菜单").ClickAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "首页" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "我的", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "组织架构" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "人员" })).ToHaveCountAsync(0);

        await nav.GetByRole(AriaRole.Link, new() { Name = "我的", Exact = true }).ClickAsync();
        // The demo account carries its person's real name (a generated 2–4 character Chinese name).
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync(new Regex(@"^[\u4e00-\u9fff]{2,4}$"));
        await Assertions.Expect(page.GetByTestId("me-id")).ToHaveTextAsync(new Regex(@"^339\*{11}[\dX]{4}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("桃花村新时代文明实践站");
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= 360, "my page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "me-resident1-360");

        // The admin pages are closed to a resident, whatever the link.
        await page.GotoAsync("/people");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("无权");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Supervisor_ReadsOrgPeopleAndAudit_WithoutEditButtons()
    {
        var page = await app.SignInAsync("supervisor1");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        // A supervisor's long menu comes under headings: 组织人员 opens onto the org tree and people.
        var orgGroup = nav.GetByRole(AriaRole.Button, new() { Name = "组织人员" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "组织架构" })).Not.ToBeVisibleAsync();
        await orgGroup.ClickAsync();
        await Assertions.Expect(orgGroup).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var link in new[] { "组织架构", "人员", "操作日志" })
        {
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        await BrowserFixture.ScreenshotAsync(page, "nav-group-open-supervisor-1280");
        await page.Keyboard.PressAsync("Escape");
        await page.Mouse.MoveAsync(600, 600); // hovering a heading also shows its links
        await Assertions.Expect(orgGroup).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "组织架构" })).Not.ToBeVisibleAsync();

        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "账号" })).ToHaveCountAsync(0);
        await page.GotoAsync("/org");
        await Assertions.Expect(page.GetByTestId("children")).ToContainTextAsync("桃源镇新时代文明实践所");
        await Assertions.Expect(page.GetByText("新增下级组织")).ToHaveCountAsync(0);
        await page.GotoAsync("/audit");
        await Assertions.Expect(page.GetByTestId("audit")).ToBeVisibleAsync();
        // People's entries show their ID numbers masked; filtered to people, so other tests' entries
        // (the browser suite shares one app) cannot push them off the first page.
        await page.SelectOptionAsync("#type", new SelectOptionValue { Label = "人员" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("***");
        await page.SelectOptionAsync("#type", new SelectOptionValue { Label = "组织" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit").Locator("tbody tr").First).ToContainTextAsync("组织");
        await Assertions.Expect(page.GetByTestId("audit")).Not.ToContainTextAsync("账号 #");
        await BrowserFixture.ScreenshotAsync(page, "audit-supervisor-1280", fullPage: false);
        await page.Context.CloseAsync();
    }
}
