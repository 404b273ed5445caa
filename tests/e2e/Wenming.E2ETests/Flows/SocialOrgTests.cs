using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

[Collection(BrowserCollection.Name)]
public sealed class SocialOrgTests(BrowserFixture app)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task RegisterWithABadCreditCode_ShowsTheErrorNextToTheField_ThenPairsWithAVillage_AndEndsThePairing(int width, int height)
    {
        var name = "云溪县测试公益服务社" + width;
        var page = await app.SignInAsync("center", width, height);

        // The federation's list: the demo members, reached from the navigation.
        await page.GotoAsync("/social-orgs?fed=true");
        await Assertions.Expect(page.GetByTestId("social-orgs")).ToContainTextAsync("云溪县青年志愿者协会");
        await Assertions.Expect(page.GetByTestId("social-orgs")).Not.ToContainTextAsync("云溪县书香阅读推广中心");
        await BrowserFixture.ScreenshotAsync(page, $"social-orgs-federation-{width}");
        AssertNoSidewaysScroll(await BrowserFixture.ScrollWidthAsync(page), width, "list");

        await page.GetByRole(AriaRole.Link, new() { Name = "登记社会组织" }).ClickAsync();
        await page.FillAsync("#Input_Name", name);
        await page.SelectOptionAsync("#Input_Kind", new SelectOptionValue { Label = "社会服务机构" });
        await page.FillAsync("#Input_CreditCode", "52339901MJ9999999A");
        await page.FillAsync("#Input_ContactPhone", "0571-88886699");
        await page.GetByTestId("social-org-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-creditCode")).ToHaveTextAsync("统一社会信用代码校验位不正确，请核对。");
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveValueAsync(name);
        await BrowserFixture.ScreenshotAsync(page, $"social-org-bad-code-{width}");
        AssertNoSidewaysScroll(await BrowserFixture.ScrollWidthAsync(page), width, "form");

        // Without a code the organization is registered (the code is optional).
        await page.FillAsync("#Input_CreditCode", "");
        await page.GetByTestId("social-org-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, new Regex(@"/social-orgs/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);

        await page.SelectOptionAsync("#Pair_VillageUnitId", new SelectOptionValue { Label = "石门村新时代文明实践站" });
        await page.FillAsync("#Pair_Content", "为留守儿童开设周末课堂");
        await page.GetByTestId("pairing-form").GetByRole(AriaRole.Button, new() { Name = "新增结对" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pairings")).ToContainTextAsync("石门村新时代文明实践站");
        await BrowserFixture.ScreenshotAsync(page, $"social-org-detail-{width}");
        AssertNoSidewaysScroll(await BrowserFixture.ScrollWidthAsync(page), width, "detail");

        // The village's page in the org tree lists its partners.
        await page.GetByTestId("pairings").GetByRole(AriaRole.Link, new() { Name = "石门村新时代文明实践站" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("village-pairings")).ToContainTextAsync(name);
        await page.GoBackAsync();

        await page.GetByTestId("pairings").GetByRole(AriaRole.Button, new() { Name = "结束结对" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已结束结对。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("pairings")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static void AssertNoSidewaysScroll(int scrollWidth, int width, string what)
    {
        if (width <= 360)
        {
            Assert.True(scrollWidth <= width, $"{what} page scrolls sideways at {width} px ({scrollWidth})");
        }
    }
}
