using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>我的 → 修改密码 on a phone (issue 11): a wrong current password is said next to its field; afterwards the person is still signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnAccountTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Resident_ChangesTheirOwnPassword_At360px_AndStaysSignedIn()
    {
        // A fresh account (with the demo password, so the fixture can sign it in): the demo ones are shared by every flow.
        const string login = "selfservice360";
        var admin = await app.SignInAsync("village1");
        await admin.GotoAsync("/accounts/create");
        await admin.FillAsync("#Input_Login", login);
        await admin.FillAsync("#Input_Password", BrowserFixture.DemoPassword);
        await admin.FillAsync("#Input_DisplayName", "自助居民");
        await admin.SelectOptionAsync("#Input_Role", new SelectOptionValue { Label = "群众" });
        await admin.SelectOptionAsync("#Input_OrgUnitId", (await admin.Locator("#Input_OrgUnitId option", new() { HasText = "桃花村新时代文明实践站" }).GetAttributeAsync("value"))!);
        await admin.Locator("form.form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(admin, new System.Text.RegularExpressions.Regex(@"/accounts/\d+$"));
        await admin.Context.CloseAsync();

        var page = await app.SignInAsync(login, 360, 740);
        await page.GotoAsync("/me");
        await page.GetByTestId("me-change-password").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("修改密码");
        await BrowserFixture.LooksRightAsync(page, 360, "me-password");

        await page.FillAsync("#Input_CurrentPassword", "Wrong@2026");
        await page.FillAsync("#Input_NewPassword", "Renewed@2027");
        await page.FillAsync("#Input_ConfirmPassword", "Renewed@2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认修改" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.CurrentPassword']")).ToHaveTextAsync("当前密码不正确。");
        await BrowserFixture.LooksRightAsync(page, 360, "me-password-wrong-current");

        await page.FillAsync("#Input_CurrentPassword", BrowserFixture.DemoPassword);
        await page.FillAsync("#Input_NewPassword", "Renewed@2027");
        await page.FillAsync("#Input_ConfirmPassword", "Renewed@2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认修改" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, url => url.EndsWith("/me", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("密码已修改");
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync("自助居民");
        await BrowserFixture.LooksRightAsync(page, 360, "me-password-changed");
        await page.Context.CloseAsync();
    }
}
