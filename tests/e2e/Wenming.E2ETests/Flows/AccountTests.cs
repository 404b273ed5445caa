using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task StationAdmin_CreatesAVolunteerAccount_FieldErrorsFirst_ThenDeactivatesIt()
    {
        var page = await app.SignInAsync("village1");
        await page.GotoAsync("/accounts/create");
        var form = page.Locator("form.form");
        await page.FillAsync("#Input_Login", "volunteer1");
        await page.FillAsync("#Input_Password", "Volunteer2026");
        await page.FillAsync("#Input_DisplayName", "新志愿者");
        await page.SelectOptionAsync("#Input_Role", new SelectOptionValue { Label = "志愿者" });
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.OrgUnitId']")).ToHaveTextAsync("请填写所属组织。");
        // A station admin may not grant admin roles above their own: they are not offered.
        await Assertions.Expect(page.Locator("#Input_Role option", new() { HasText = "中心管理员" })).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#Input_OrgUnitId", (await page.Locator("#Input_OrgUnitId option", new() { HasText = "桃花村新时代文明实践站" }).GetAttributeAsync("value"))!);
        await page.FillAsync("#Input_Password", "Volunteer2026");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Login']")).ToHaveTextAsync("该登录名已被使用。");

        await page.FillAsync("#Input_Login", "volunteer88");
        await page.FillAsync("#Input_Password", "short");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("密码至少 8 位");
        await BrowserFixture.ScreenshotAsync(page, "account-create-weak-password-1280");

        await page.FillAsync("#Input_Password", "Volunteer2026");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, new System.Text.RegularExpressions.Regex(@"/accounts/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("volunteer88");

        await page.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("账号已停用");
        await Assertions.Expect(page.Locator(".page-head")).ToContainTextAsync("已停用");
        await page.Context.CloseAsync();

        var signIn = await app.NewPageAsync();
        await signIn.GotoAsync("/account/login");
        await signIn.FillAsync("#login", "volunteer88");
        await signIn.FillAsync("#password", "Volunteer2026");
        await signIn.ClickAsync("button[type=submit]");
        await Assertions.Expect(signIn.GetByTestId("login-error")).ToHaveTextAsync("登录名或密码错误。");
        await signIn.Context.CloseAsync();
    }
}
