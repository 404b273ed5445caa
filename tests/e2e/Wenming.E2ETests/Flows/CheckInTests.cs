using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>Scan to check in: the organizer shows the rotating code on site; a volunteer opens it on a phone, signs in and taps 签到.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckInTests(BrowserFixture app)
{
    private const string Ongoing = "村史馆讲解志愿服务";

    [BrowserFact]
    public async Task Volunteer_ScansTheOrganizersCode_SignsIn_AndChecksIn()
    {
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "village1"));
        var activities = await api.GetFromJsonAsync<JsonElement>("/api/v1/activities?status=Ongoing&pageSize=100");
        var activityId = activities.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("title").GetString() == Ongoing).GetProperty("id").GetInt64();

        // The organizer opens the code screen from the activity page.
        var organizer = await app.SignInAsync("village1", 1280, 900);
        await organizer.GotoAsync($"/activities/{activityId}");
        await organizer.GetByTestId("show-code").ClickAsync();
        var code = organizer.GetByTestId("check-in-code");
        await Assertions.Expect(code.Locator("svg")).ToBeVisibleAsync();
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await organizer.Locator("body").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(organizer, "check-in-code-1280");
        var scanUrl = await code.GetAttributeAsync("data-scan-url");
        Assert.StartsWith($"{app.BaseAddress.ToString().TrimEnd('/')}/activities/{activityId}/scan?t=", scanUrl, StringComparison.Ordinal);

        // The volunteer's phone, not signed in: sign-in first, then back to the scan page.
        var phone = await app.NewPageAsync(360, 740);
        await phone.GotoAsync(scanUrl!);
        await BrowserFixture.WaitForAddressAsync(phone, new Regex("/account/login"));
        await phone.FillAsync("#login", "volunteer1");
        await phone.FillAsync("#password", BrowserFixture.DemoPassword);
        await phone.ClickAsync("button[type=submit]");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(Ongoing);
        Assert.True(await BrowserFixture.ScrollWidthAsync(phone) <= 360, "the scan page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "scan-360");

        await phone.GetByTestId("scan-button").ClickAsync();
        await Assertions.Expect(phone.Locator(".notice")).ToContainTextAsync("签到成功");
        await Assertions.Expect(phone.GetByTestId("scan-button")).ToHaveTextAsync("签退");
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await phone.Locator("body").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(phone, "scan-done-360");

        // The API shows the arrival, recorded as a scan; the organizer's screen lists them without a reload.
        var volunteerId = await VolunteerIdAsync(api, "volunteer1");
        var enrollments = await api.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activityId}/enrollments");
        var mine = enrollments.EnumerateArray().Single(e => e.GetProperty("volunteerId").GetInt64() == volunteerId);
        Assert.Equal(JsonValueKind.String, mine.GetProperty("checkedInAt").ValueKind);
        Assert.Equal("Qr", mine.GetProperty("checkInMethod").GetString());
        await Assertions.Expect(organizer.GetByTestId("live-counts")).ToContainTextAsync("已签到 1 人");
        await Assertions.Expect(organizer.GetByTestId("live-list")).Not.ToBeEmptyAsync();

        await phone.Context.CloseAsync();
        await organizer.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task CodeScreen_FitsAPhone()
    {
        var page = await app.SignInAsync("village1", 360, 740);
        await page.GotoAsync("/activities?status=Ongoing");
        await page.GetByRole(AriaRole.Link, new() { Name = Ongoing }).ClickAsync();
        await page.GetByTestId("show-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-in-qr").Locator("svg")).ToBeVisibleAsync();
        var box = await page.GetByTestId("check-in-qr").BoundingBoxAsync();
        Assert.True(box is { Width: >= 250 }, "the QR code is too small to scan on a phone screen");
        Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= 360, "the code screen scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(page, "check-in-code-360");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ExpiredCode_AsksToScanAgain_AndChangesNothing()
    {
        var phone = await app.SignInAsync("volunteer2", 360, 740);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "village1"));
        var activities = await api.GetFromJsonAsync<JsonElement>("/api/v1/activities?status=Ongoing&pageSize=100");
        var activityId = activities.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("title").GetString() == Ongoing).GetProperty("id").GetInt64();

        await phone.GotoAsync($"/activities/{activityId}/scan?t=AAAAAAAAAAAAAAAA");
        await phone.GetByTestId("scan-button").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("scan-error")).ToContainTextAsync("请重新扫描现场二维码");
        await Assertions.Expect(phone.GetByTestId("scan-button")).ToHaveTextAsync("签到");
        await phone.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Organizer_ManualCheckInAtAFutureTime_IsShownAgainWithTheMessage_AndChangesNothing(int width, int height)
    {
        var page = await app.SignInAsync("village1", width, height);
        await page.GotoAsync("/activities?status=Ongoing");
        await page.GetByRole(AriaRole.Link, new() { Name = Ongoing }).ClickAsync();
        var sheet = page.GetByTestId("attendance");
        await Assertions.Expect(sheet.GetByTestId("finish")).ToBeVisibleAsync();
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, "the activity page scrolls sideways at 360 px");
        }

        await BrowserFixture.ScreenshotAsync(page, $"attendance-ongoing-{width}");
        var row = sheet.Locator("tbody tr", new() { HasText = "#" }).Filter(new() { Has = page.GetByTestId("manual-in") }).First;
        var tomorrow = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(1);
        var typed = tomorrow.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await row.Locator("input[name=at]").FillAsync(typed);
        await row.GetByTestId("manual-in").ClickAsync();

        await Assertions.Expect(page.GetByTestId("attendance-errors")).ToContainTextAsync("签到（签退）时间不能晚于当前时间。");
        await Assertions.Expect(page.Locator("input[name=at][aria-invalid=true]")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.GetByTestId("attendance").GetByTestId("manual-in").First).ToBeVisibleAsync();
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await page.Locator("body").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, $"attendance-error-{width}");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Organizer_SeesTheAttendanceSheet_OfTheFinishedDemoActivity(int width, int height)
    {
        var page = await app.SignInAsync("village1", width, height);
        await page.GotoAsync("/activities?status=Finished");
        await page.GetByRole(AriaRole.Link, new() { Name = "重阳敬老志愿服务" }).ClickAsync();
        var sheet = page.GetByTestId("attendance");
        await Assertions.Expect(sheet.GetByTestId("attendance-counts")).ToContainTextAsync("缺席 1 人");
        await Assertions.Expect(sheet.GetByTestId("no-show")).ToHaveCountAsync(1);
        await Assertions.Expect(sheet.GetByTestId("confirm-records")).ToBeVisibleAsync();
        Assert.DoesNotMatch(BrowserFixture.ResourceKey, await page.Locator("body").InnerTextAsync());
        if (width <= 360)
        {
            Assert.True(await BrowserFixture.ScrollWidthAsync(page) <= width, "the activity page scrolls sideways at 360 px");
        }

        await BrowserFixture.ScreenshotAsync(page, $"attendance-finished-{width}");
        // The records themselves are confirmed once, below: this theory runs at two widths.
        await sheet.GetByTestId("confirm-records").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("只看活动");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Organizer_ConfirmsAllRecordsOfTheFinishedDemoActivity_AfterOneQuestion()
    {
        var page = await app.SignInAsync("village1", 1280, 800);
        await page.GotoAsync("/activities?status=Finished");
        await page.GetByRole(AriaRole.Link, new() { Name = "重阳敬老志愿服务" }).ClickAsync();
        await page.GetByTestId("attendance").GetByTestId("confirm-records").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("参加活动：重阳敬老志愿服务");
        // 全部确认 asks once, with the count, then confirms the activity's records together.
        await page.GetByTestId("confirm-all-button").ClickAsync();
        await page.GetByTestId("confirm-all-yes").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("已确认");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task NoShow_OpeningAnOldCode_IsToldTheActivityIsOver()
    {
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "village1"));
        var activities = await api.GetFromJsonAsync<JsonElement>("/api/v1/activities?status=Finished&pageSize=100");
        var activityId = activities.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "重阳敬老志愿服务").GetProperty("id").GetInt64();

        var phone = await app.SignInAsync("volunteer4", 360, 740);
        await phone.GotoAsync($"/activities/{activityId}/scan?t=AAAAAAAAAAAAAAAA");
        await Assertions.Expect(phone.GetByTestId("scan-state")).ToContainTextAsync("已记为缺席");
        await Assertions.Expect(phone.GetByTestId("scan-button")).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }

    private static async Task<string> TokenAsync(HttpClient api, string login)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/auth/token", new { login, password = BrowserFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<long> VolunteerIdAsync(HttpClient api, string login)
    {
        var volunteers = await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteers?pageSize=100");
        using var signIn = new HttpClient { BaseAddress = api.BaseAddress };
        signIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(signIn, login));
        var personId = (await signIn.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetInt64();
        return volunteers.GetProperty("items").EnumerateArray().Single(v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }
}
