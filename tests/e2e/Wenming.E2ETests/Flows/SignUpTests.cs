using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Demo;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// Issue 16 as it will be checked: a resident on a phone signs up from the portal's link, cannot use the account until
/// the station confirms it, is confirmed by the station admin, then signs in and orders a service from the portal's menu.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignUpTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task AResidentSignsUpOnAPhone_IsConfirmedByTheStation_ThenOrdersFromThePortalsServiceMenu()
    {
        var name = "注册" + (char)('甲' + Random.Shared.Next(0, 10)) + (char)('乙' + Random.Shared.Next(0, 10));
        var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string password = "Taohua2027ok";
        var phone = await app.NewPageAsync(360, 740);
        await phone.GotoAsync("/portal");
        var village = await phone.Locator("#unit option", new() { HasText = "桃花村新时代文明实践站" }).GetAttributeAsync("value");
        await phone.SelectOptionAsync("#unit", village!);
        await phone.GetByTestId("unit-go").ClickAsync();
        await phone.GetByTestId("portal-sign-up").ClickAsync();

        await phone.FillAsync("#Input_Name", name);
        await phone.FillAsync("#Input_IdNumber", DemoCounty.FictionalIdNumber(new DateOnly(1991, 3, 8), 100 + Random.Shared.Next(0, 800)));
        await phone.FillAsync("#Input_Phone", mobile);
        Assert.Equal(village, await phone.Locator("#Input_OrgUnitId").InputValueAsync());
        await phone.FillAsync("#Input_Password", password);
        await phone.FillAsync("#Input_ConfirmPassword", password);
        await phone.GetByTestId("signup-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("signup-received")).ToBeVisibleAsync();
        await BrowserFixture.LooksRightAsync(phone, 360, "signup-received");

        // Not confirmed yet: signing in is refused and the page stays.
        await phone.GotoAsync("/account/login");
        await phone.FillAsync("#login", mobile);
        await phone.FillAsync("#password", password);
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("#login")).ToBeVisibleAsync();
        Assert.Contains("/account/login", phone.Url, StringComparison.Ordinal);

        var station = await app.SignInAsync("village1");
        await station.GotoAsync("/accounts/registrations");
        var card = station.Locator("[data-testid^='registration-']", new() { HasText = name });
        await card.Locator("[data-testid^='confirm-']").ClickAsync();
        await Assertions.Expect(station.Locator(".notice")).ToContainTextAsync(name);
        await station.Context.CloseAsync();

        await phone.FillAsync("#login", mobile);
        await phone.FillAsync("#password", password);
        await phone.ClickAsync("button[type=submit]");
        await BrowserFixture.WaitForAddressAsync(phone, url => !url.Contains("/account/login", StringComparison.Ordinal));

        await phone.GotoAsync($"/portal/services?unit={village}");
        await phone.Locator(".portal-item", new() { HasText = "理发" }).GetByRole(AriaRole.Link, new() { Name = "点单" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我要点单");
        var need = "注册后第一次点单" + Random.Shared.Next(1000, 9999);
        await phone.FillAsync("#Input_Description", need);
        await phone.FillAsync("#Input_Address", "桃花村2组8号");
        await phone.GetByTestId("submit-order").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我的点单");
        await Assertions.Expect(phone.Locator("section.order-card", new() { HasText = need })).ToHaveCountAsync(1);
        await phone.Context.CloseAsync();
    }
}
