using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Demo;

namespace Wenming.E2ETests.Flows;

[Collection(BrowserCollection.Name)]
public sealed class PeopleTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task RegisterPerson_WithABadIdNumber_ShowsTheErrorNextToTheField_AndCreatesNothing_ThenAValidOneIsListedMasked()
    {
        // Serials 1..97 are the demo county's people; 900+ are free for tests.
        var valid = DemoCounty.FictionalIdNumber(new DateOnly(1988, 5, 17), 901);
        var badChecksum = valid[..17] + (valid[17] == '1' ? '2' : '1');
        const string name = "欧阳测试";

        var page = await app.SignInAsync("town1");
        await page.GotoAsync("/people/create");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_IdNumber", badChecksum);
        await page.FillAsync("#Input_Phone", "13800138000");
        await page.SelectOptionAsync("#Input_OrgUnitId", await OptionValueAsync(page, "#Input_OrgUnitId", "桃花村新时代文明实践站"));
        await page.GetByTestId("person-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-idNumber")).ToHaveTextAsync("身份证号码校验位不正确，请核对。");
        await Assertions.Expect(page.Locator("#Input_IdNumber")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("input-validation-error"));
        // The form keeps what was typed, so only the wrong field needs fixing.
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveValueAsync(name);
        await BrowserFixture.ScreenshotAsync(page, "person-bad-id-1280");

        await page.GotoAsync("/people?q=" + Uri.EscapeDataString(name));
        await Assertions.Expect(page.GetByTestId("people-empty")).ToBeVisibleAsync();

        await page.GotoAsync("/people/create");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_IdNumber", valid);
        await page.FillAsync("#Input_Phone", "13800138000");
        await page.SelectOptionAsync("#Input_OrgUnitId", await OptionValueAsync(page, "#Input_OrgUnitId", "桃花村新时代文明实践站"));
        await page.SelectOptionAsync("#Input_PoliticalStatus", new SelectOptionValue { Label = "中共党员" });
        await page.GetByTestId("person-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, new System.Text.RegularExpressions.Regex(@"/people/\d+$"));
        var masked = valid[..3] + new string('*', 11) + valid[^4..];
        await Assertions.Expect(page.GetByTestId("person-id")).ToHaveTextAsync(masked);

        await page.GotoAsync("/people?q=" + Uri.EscapeDataString(name));
        var rows = page.GetByTestId("people").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(masked);
        await Assertions.Expect(rows.First).ToContainTextAsync("桃花村新时代文明实践站");
        Assert.DoesNotContain(valid, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "people-list-1280");

        // The whole ID number finds the person too (matched by its keyed hash, never shown).
        await page.GotoAsync("/people");
        await page.FillAsync("#q", valid);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("people").Locator("tbody tr")).ToHaveCountAsync(1);
        Assert.DoesNotContain(valid, page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(valid[6..14], await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>The value of the option whose text names the unit (options are indented by depth).</summary>
    private static async Task<string> OptionValueAsync(IPage page, string select, string text) =>
        (await page.Locator(select + " option", new() { HasText = text }).First.GetAttributeAsync("value"))!;
}
