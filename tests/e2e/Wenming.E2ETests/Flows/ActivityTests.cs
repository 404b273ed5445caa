using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>Activities on a phone: a volunteer signs up for one nearby; the station creates and publishes one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Volunteer_SignsUpNearby_OnAPhone_AndCancels()
    {
        var phone = await app.SignInAsync("volunteer4", 360, 740);
        await phone.GotoAsync("/");
        await phone.GetByText("菜单").ClickAsync();
        await phone.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "附近的活动" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("附近的活动");
        var card = phone.GetByTestId("nearby").Locator("section", new() { HasText = "政策宣讲进院坝" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await phone.Locator("body").InnerTextAsync());
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the nearby page scrolls sideways at 360 px");

        await card.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("my-enrollment")).ToHaveTextAsync(new Regex("^(已报名|候补第 \\d+ 位)$"));
        await BrowserFixture.ScreenshotAsync(phone, "activities-nearby-360");
        await card.GetByRole(AriaRole.Button, new() { Name = "取消报名" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("my-enrollment")).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Station_CreatesAndPublishesAnActivity(int width, int height)
    {
        var page = await app.SignInAsync("village1", width, height);
        await page.GotoAsync("/activities");
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await page.Locator("body").InnerTextAsync());
        var title = $"垃圾分类宣传{width}";
        await page.GetByTestId("new-activity-button").ClickAsync();
        await page.FillAsync("#Input_Title", title);
        await page.FillAsync("#Input_Place", "桃花村村委会");
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(20);
        await page.FillAsync("#Input_StartsAt", day.AddHours(9).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_EndsAt", day.AddHours(11).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_Capacity", "20");
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, "the activities page scrolls sideways at 360 px");
        }

        await page.GetByTestId("activity-form").GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("activity")).ToContainTextAsync("草稿");
        await BrowserFixture.ScreenshotAsync(page, $"activity-detail-{width}");

        await page.GotoAsync("/activities?status=Draft");
        var row = page.GetByTestId("activities").Locator("tbody tr", new() { HasText = title });
        await row.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已发布");
        await BrowserFixture.ScreenshotAsync(page, $"activities-village1-{width}");
        await page.Context.CloseAsync();
    }
}
