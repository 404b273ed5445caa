using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>A volunteer logs their hours on a phone; the station confirms them; totals and stars show.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServiceRecordTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Volunteer_LogsHoursOnAPhone_TheStationConfirms_AndTheTotalGrows()
    {
        var phone = await app.SignInAsync("volunteer1", 360, 740);
        await phone.GotoAsync("/volunteers/me");
        // The demo gives volunteer1 more than 100 confirmed hours: one star.
        await Assertions.Expect(phone.GetByTestId("my-stars")).ToHaveTextAsync("★");
        var before = decimal.Parse(await phone.GetByTestId("my-hours").InnerTextAsync(), CultureInfo.InvariantCulture);

        await phone.FillAsync("#Log_Hours", "30");
        await phone.FillAsync("#Log_Date", DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await phone.FillAsync("#Log_Place", "桃花村村口");
        await phone.FillAsync("#Log_Content", "交通劝导网页登记");
        await phone.GetByTestId("log-hours").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("error-hours")).ToHaveTextAsync("服务时长须大于 0 小时且不超过 24 小时。");

        await phone.FillAsync("#Log_Hours", "2.5");
        await phone.GetByTestId("log-hours").ClickAsync();
        var mine = phone.GetByTestId("my-records").Locator("tbody tr", new() { HasText = "交通劝导网页登记" });
        await Assertions.Expect(mine).ToContainTextAsync("待确认");
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the volunteer page scrolls sideways at 360 px");
        Assert.False(BrowserFixture.ResourceKey.IsMatch(await phone.Locator("body").InnerTextAsync()), "the volunteer page shows a resource key");
        await BrowserFixture.ScreenshotAsync(phone, "service-records-mine-360");

        var station = await app.SignInAsync("village1", 360, 740);
        await station.GotoAsync("/service-records");
        var row = station.GetByTestId("records").Locator("tbody tr", new() { HasText = "交通劝导网页登记" });
        await row.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(station.Locator(".notice")).ToContainTextAsync("已确认");
        Assert.True(await BrowserFixture.ScrollWidthAsync(station) <= 360, "the confirmation page scrolls sideways at 360 px");
        Assert.False(BrowserFixture.ResourceKey.IsMatch(await station.Locator("body").InnerTextAsync()), "the confirmation page shows a resource key");
        await BrowserFixture.ScreenshotAsync(station, "service-records-station-360");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("my-hours")).ToHaveTextAsync((before + 2.5m).ToString(CultureInfo.InvariantCulture));
        await phone.Context.CloseAsync();
        await station.Context.CloseAsync();
    }
}
