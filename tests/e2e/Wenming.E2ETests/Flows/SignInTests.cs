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
    public async Task Answers_NameNoServerSoftware()
    {
        var page = await app.NewPageAsync(360, 740);
        var signIn = await page.GotoAsync("/account/login");
        var api = await page.APIRequest.GetAsync("/api/v1/me");

        Assert.Equal(200, signIn!.Status);
        Assert.Equal(401, api.Status);
        Assert.False(signIn.Headers.ContainsKey("server"), string.Join(", ", signIn.Headers.Keys));
        Assert.False(api.Headers.ContainsKey("server"), string.Join(", ", api.Headers.Keys));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task FiveWrongPasswords_MakeThisAddressWait_AndTheFormSaysSoInChinese()
    {
        // A login that names no account: it is counted and made to wait exactly like a real one (ADR 0019),
        // and the suite's real accounts, which sign in from this same loopback address, are not touched.
        var login = "nobody" + Guid.NewGuid().ToString("N")[..8];
        var page = await app.NewPageAsync(360, 740);
        await page.GotoAsync("/account/login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.FillAsync("#login", login);
            await page.FillAsync("#password", "not-the-password");
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("登录名或密码错误。");
        }

        await page.FillAsync("#login", login);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("登录失败次数过多，请 1 分钟后再试。");
        Assert.Equal(login, await page.InputValueAsync("#login"));
        Assert.Equal(string.Empty, await page.InputValueAsync("#password"));
        await BrowserFixture.ScreenshotAsync(page, "login-too-many-attempts-360");
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
        await BrowserFixture.WaitForAddressAsync(page, url => url.EndsWith("/people", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("who")).ToHaveTextAsync("town1");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, url => url.EndsWith("/account/login", StringComparison.Ordinal));
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
        await BrowserFixture.WaitForAddressAsync(page, url => url == app.BaseAddress + "");
        Assert.StartsWith(app.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
