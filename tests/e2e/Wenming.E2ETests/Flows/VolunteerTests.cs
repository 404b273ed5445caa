using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>Volunteer registration on a phone, approval by the station, and the team pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VolunteerTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Resident_RegistersOnAPhone_TheStationApproves_AndTheResidentSeesTheNumber()
    {
        var phone = await app.SignInAsync("resident1", 360, 740);
        await phone.GotoAsync("/");
        await phone.GetByText("菜单").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "我要当志愿者" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我要当志愿者");
        // An adult: no guardian fields.
        await Assertions.Expect(phone.GetByTestId("guardian")).ToHaveCountAsync(0);
        await phone.FillAsync("#Input_Skills", "摄影、剪辑");
        await phone.FillAsync("#Input_ServiceAreas", "政策宣讲");
        await phone.FillAsync("#Input_Availability", "周末");
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the registration form scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "volunteer-apply-360");
        await phone.GetByTestId("apply").ClickAsync();

        await Assertions.Expect(phone.GetByTestId("my-status")).ToHaveTextAsync("待审核");
        await Assertions.Expect(phone.GetByTestId("my-number")).ToHaveTextAsync("审核通过后发放");

        var station = await app.SignInAsync("village1");
        await station.GotoAsync("/volunteers?status=Pending");
        var row = station.GetByTestId("volunteers").Locator("tbody tr", new() { HasText = "摄影、剪辑" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(station.Locator(".notice")).ToContainTextAsync("志愿者编号 339901");
        await BrowserFixture.ScreenshotAsync(station, "volunteers-village1-1280");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("my-status")).ToHaveTextAsync("已通过");
        await Assertions.Expect(phone.GetByTestId("my-number")).ToHaveTextAsync(new Regex(@"^339901\d{6}$"));
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the volunteer page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "volunteer-mine-360");
        await phone.Context.CloseAsync();
        await station.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("center", 360, 740)]
    [InlineData("center", 1280, 800)]
    [InlineData("leader1", 360, 740)]
    public async Task VolunteerAndTeamPages_RenderInChinese_WithoutSidewaysScrolling(string login, int width, int height)
    {
        var page = await app.SignInAsync(login, width, height);
        var paths = login == "center" ? new[] { "/volunteers", "/teams", "/teams/create" } : ["/teams", "/volunteers/me"];
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
            await AssertReadableAsync(page, path, width);
            await BrowserFixture.ScreenshotAsync(page, $"vol-{login}-{path.Trim('/').Replace('/', '-')}-{width}", fullPage: width > 400);
        }

        await page.GotoAsync("/teams");
        await page.GetByTestId("teams").GetByRole(AriaRole.Link, new() { Name = "桃花村志愿服务队" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-count")).ToHaveTextAsync("6");
        await Assertions.Expect(page.GetByTestId("members").Locator("tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("member-add")).ToBeVisibleAsync();
        await AssertReadableAsync(page, "team detail", width);
        await BrowserFixture.ScreenshotAsync(page, $"vol-{login}-team-{width}", fullPage: width > 400);
        await page.Context.CloseAsync();
    }

    private static async Task AssertReadableAsync(IPage page, string what, int width)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.False(BrowserFixture.ResourceKey.IsMatch(text), $"{what} shows a resource key: {BrowserFixture.ResourceKey.Match(text).Value}");
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, $"{what} scrolls sideways at {width} px");
        }
    }
}
