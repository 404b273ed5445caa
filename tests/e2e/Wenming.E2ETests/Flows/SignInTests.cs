using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task WrongPassword_ShowsTheChineseErrorOnTheForm_AndStaysSignedOut()
    {
        var page = await app.NewPageAsync(360, 740);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", "volunteer5");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        var error = page.GetByTestId("login-error");
        await Assertions.Expect(error).ToHaveTextAsync("登录名或密码错误。");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.InputValueAsync("#password"));
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password-360");

        // Still anonymous: a protected page sends the browser back to sign in.
        await page.GotoAsync("/org");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task SignIn_ReturnsToTheRequestedPage_AndSignOutEndsTheSession()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people");
        Assert.Contains("/account/login?ReturnUrl=%2Fpeople", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#login", "town1");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/people");
        await Assertions.Expect(page.GetByTestId("who")).ToHaveTextAsync("town1");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync("/people");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ReturnUrl_ToAnotherSite_IsIgnored()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        await page.FillAsync("#login", "town2");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(app.BaseAddress + "");
        Assert.StartsWith(app.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
