using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

[Collection(BrowserCollection.Name)]
public sealed class OrgTreeTests(BrowserFixture app)
{
    private static readonly string[] Townships = ["桃源镇新时代文明实践所", "清溪镇新时代文明实践所", "石门乡新时代文明实践所", "城关街道新时代文明实践所"];

    [BrowserFact]
    public async Task CenterAdmin_SeesTheFourTownshipsUnderTheCounty_AndCanWalkDown()
    {
        var page = await app.SignInAsync("center");
        // A center admin's long menu is grouped: 组织架构 sits under 组织人员.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await menu.GetByRole(AriaRole.Button, new() { Name = "组织人员" }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "组织架构" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, url => url.EndsWith("/org", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByTestId("unit-name")).ToContainTextAsync("云溪县新时代文明实践中心");
        var children = page.GetByTestId("children");
        foreach (var township in Townships)
        {
            await Assertions.Expect(children.GetByText(township, new() { Exact = true })).ToBeVisibleAsync();
        }

        // The county's own practice point is a child too, and levels are named in Chinese.
        await Assertions.Expect(children).ToContainTextAsync("云溪县青年志愿服务实训基地");
        await Assertions.Expect(children).ToContainTextAsync("实践所");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("青山市");
        await BrowserFixture.ScreenshotAsync(page, "org-center-1280");

        await children.GetByText("桃源镇新时代文明实践所", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-name")).ToContainTextAsync("桃源镇新时代文明实践所");
        await Assertions.Expect(page.GetByTestId("crumbs")).ToContainTextAsync("云溪县新时代文明实践中心");
        await Assertions.Expect(page.GetByTestId("children")).ToContainTextAsync("桃花村新时代文明实践站");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("339901001000");
        await BrowserFixture.ScreenshotAsync(page, "org-township-1280");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task StationAdmin_OnA360PxPhone_SeesOnlyTheirStationsSubtree_WithoutSidewaysScrolling()
    {
        var page = await app.SignInAsync("village1", 360, 740);
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= 360, "home page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "home-village1-360");

        // The navigation is folded away on a phone and opens with the menu button.
        var orgLink = page.GetByRole(AriaRole.Link, new() { Name = "组织架构" });
        await Assertions.Expect(orgLink).Not.ToBeVisibleAsync();
        await page.GetByText("菜单").ClickAsync();
        await Assertions.Expect(orgLink).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "nav-open-village1-360");
        await orgLink.ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, url => url.EndsWith("/org", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByTestId("unit-name")).ToContainTextAsync("桃花村新时代文明实践站");
        await Assertions.Expect(page.GetByTestId("children")).ToContainTextAsync("桃花村文化大院");
        await Assertions.Expect(page.GetByTestId("children")).ToContainTextAsync("桃花村田间学校");
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("清溪镇", body, StringComparison.Ordinal);
        Assert.DoesNotContain("桃源镇", body, StringComparison.Ordinal);
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= 360, "org page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "org-village1-360");

        // A search of the subtree cannot reach beyond it either.
        await page.FillAsync("#q", "清溪");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByText("查找结果（0）")).ToBeVisibleAsync();

        await page.GotoAsync("/people");
        body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("清溪镇", body, StringComparison.Ordinal);
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= 360, "people page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "people-village1-360", fullPage: false);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task UnitOutsideTheSubtree_AnswersNotFound()
    {
        var county = await app.SignInAsync("center");
        await county.GotoAsync("/org");
        await county.GetByTestId("children").GetByText("清溪镇新时代文明实践所", new() { Exact = true }).ClickAsync();
        var qingxi = county.Url;
        await county.Context.CloseAsync();

        var village = await app.SignInAsync("village1");
        var response = await village.GotoAsync(qingxi);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(village.GetByTestId("not-found")).ToContainTextAsync("不在您的管辖范围内");
        Assert.DoesNotContain("清溪镇", await village.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await village.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task InstituteAdmin_AddsAVillage_ABadCodeIsShownAtTheField_AndNothingIsCreated()
    {
        var page = await app.SignInAsync("town2");
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "新增下级组织" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Level", new SelectOptionValue { Label = "实践站" });
        await page.FillAsync("#Input_Name", "梅园村新时代文明实践站");
        // Under 清溪镇 (339901002), a code of 桃源镇 (339901001) does not fit.
        await page.FillAsync("#Input_DivisionCode", "339901001009");
        await page.FillAsync("#Input_Latitude", "29.5");
        await page.Locator("form.form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.DivisionCode']")).ToHaveTextAsync("区划代码须以上级组织的代码 339901002 开头。");
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveValueAsync("梅园村新时代文明实践站");
        await BrowserFixture.ScreenshotAsync(page, "org-create-bad-code-1280");
        await page.GotoAsync("/org");
        await Assertions.Expect(page.GetByTestId("children")).Not.ToContainTextAsync("梅园村");

        await page.GetByRole(AriaRole.Link, new() { Name = "新增下级组织" }).ClickAsync();
        await page.SelectOptionAsync("#Input_Level", new SelectOptionValue { Label = "实践站" });
        await page.FillAsync("#Input_Name", "梅园村新时代文明实践站");
        await page.FillAsync("#Input_DivisionCode", "339901002009");
        await page.Locator("form.form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, new System.Text.RegularExpressions.Regex(@"/org/[^/?]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("梅园村新时代文明实践站");
        await Assertions.Expect(page.GetByTestId("children")).ToContainTextAsync("梅园村新时代文明实践站");
        await page.Context.CloseAsync();
    }
}
