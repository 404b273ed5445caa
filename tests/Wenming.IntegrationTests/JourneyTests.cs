using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Issue 11, each role's day: the home page is the work list, built from the modules' cards: counts that link to
/// what waits for admins and the supervisor, their own next things for residents and volunteers; every
/// link on it opens for that role (no 无权访问).
/// </summary>
public sealed partial class JourneyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task AStationAdmin_SeesTheirToDos_WithCounts_AndEveryLinkOpens()
    {
        // A fresh application waits for the village's admin.
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("待审"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created);

        using var browser = await SignInAsync("village1");
        var html = await browser.GetStringAsync("/");

        foreach (var todo in new[] { "todo-volunteers-pending", "todo-service-records", "todo-orders-dispatch", "todo-orders-overdue", "todo-awards", "todo-pickups" })
        {
            Assert.Contains($"data-testid=\"{todo}\"", html, StringComparison.Ordinal);
        }

        Assert.True(CountOf(html, "todo-volunteers-pending") >= 1, html);
        Assert.Contains("待审核志愿者", html, StringComparison.Ordinal);
        await EveryLinkOpensAsync(browser, html);
    }

    [DatabaseFact]
    public async Task TheSupervisor_SeesTheSubtreesToDos_ButNotTheAdminsSteps_AndEveryLinkOpens()
    {
        using var browser = await SignInAsync("supervisor1");
        var html = await browser.GetStringAsync("/");

        Assert.Contains("data-testid=\"todo-orders-overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"todo-awards\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"todo-service-records\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"todo-pickups\"", html, StringComparison.Ordinal);
        await EveryLinkOpensAsync(browser, html);
    }

    [DatabaseFact]
    public async Task AResident_SeesOrderingPointsShopAndActivities_NothingComingSoon_AndEveryLinkOpens()
    {
        using var browser = await SignInAsync("resident1");
        var html = await browser.GetStringAsync("/");

        Assert.DoesNotContain("即将上线", html, StringComparison.Ordinal);
        foreach (var shortcut in new[] { "go-order-new", "go-orders-mine", "my-points", "my-credit-stars", "go-market", "go-nearby", "go-my-activities" })
        {
            Assert.Contains($"data-testid=\"{shortcut}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-testid=\"todo-", html, StringComparison.Ordinal);
        await EveryLinkOpensAsync(browser, html);
    }

    [DatabaseFact]
    public async Task AVolunteer_SeesTheirHoursCertificateAndNextActivity_AndEveryLinkOpens()
    {
        var activity = await PublishedActivityAsync();
        var me = await DemoVolunteerIdAsync("volunteer1");
        (await app.As("volunteer1").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = me })).Expect(HttpStatusCode.Created);

        using var browser = await SignInAsync("volunteer1");
        var html = await browser.GetStringAsync("/");

        Assert.Contains("data-testid=\"my-hours\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"go-certificate\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/activities/{activity}\"", html, StringComparison.Ordinal);
        await EveryLinkOpensAsync(browser, html);
    }

    [DatabaseFact]
    public async Task AVolunteerWhoSignedUp_OpensTheActivity_AndFindsItUnderMyActivities_UntilItIsPast()
    {
        var activity = await PublishedActivityAsync();
        var me = await DemoVolunteerIdAsync("volunteer2");
        using var browser = await SignInAsync("volunteer2");

        // Before signing up the page offers 报名; after it, the place and no one else's names.
        var before = await browser.GetStringAsync($"/activities/{activity}");
        Assert.Contains("data-testid=\"enroll\"", before, StringComparison.Ordinal);
        (await app.As("volunteer2").PostAsync($"/api/v1/activities/{activity}/enrollments", new { volunteerId = me })).Expect(HttpStatusCode.Created);

        using var page = await browser.GetAsync($"/activities/{activity}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"my-enrollment\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"enrollments\"", html, StringComparison.Ordinal);

        Assert.Contains($"data-testid=\"mine-{activity}\"", await browser.GetStringAsync("/activities/mine"), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"mine-{activity}\"", await browser.GetStringAsync("/activities/mine?past=true"), StringComparison.Ordinal);

        var mine = await DemoMap.AllItemsAsync(app.As("volunteer2"), "/api/v1/activities/mine?");
        var row = mine.Single(m => m.GetProperty("activity").GetProperty("id").GetInt64() == activity);
        Assert.Equal("Enrolled", row.GetProperty("myStatus").GetString());
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("volunteer2"), "/api/v1/activities/mine?past=true&"), m => m.GetProperty("activity").GetProperty("id").GetInt64() == activity);
    }

    [DatabaseFact]
    public async Task AnActivityUnderWay_StaysInNearby()
    {
        var activity = await PublishedActivityAsync();
        (await app.Admin.PostAsync($"/api/v1/activities/{activity}/start")).Expect(HttpStatusCode.OK);

        var nearby = await DemoMap.AllItemsAsync(app.As("volunteer3"), "/api/v1/activities/nearby?");
        var row = nearby.Single(n => n.GetProperty("activity").GetProperty("id").GetInt64() == activity);
        Assert.Equal("Ongoing", row.GetProperty("activity").GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task ADraft_IsPublishedFromItsOwnPage_AndTheListOffersANewActivityButton()
    {
        var starts = Slot();
        var draft = (await app.Admin.PostAsync("/api/v1/activities", new { orgUnitId = app.Demo.Unit("village1"), title = TestData.Name("草稿"), category = "PromotePolicy", place = "文化大院", startsAt = starts, endsAt = starts.AddHours(2), capacity = 10 }))
            .Expect(HttpStatusCode.Created).Id;
        using var browser = await SignInAsync("village1");

        Assert.Contains("data-testid=\"new-activity-button\"", await browser.GetStringAsync("/activities"), StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/activities/{draft}");
        Assert.Contains("data-testid=\"publish\"", page, StringComparison.Ordinal);

        using var published = await PostFormAsync(browser, $"/activities/{draft}?handler=Publish", page);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Published", (await app.Admin.GetAsync($"/api/v1/activities/{draft}")).Expect(HttpStatusCode.OK).Text("status"));
        Assert.DoesNotContain("data-testid=\"publish\"", await browser.GetStringAsync($"/activities/{draft}"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Withdrawing_AsksOnceBeforeThePost_AndRatingIsChosenThenSubmitted()
    {
        var kit = new OrderTestKit(app);
        var order = await kit.SubmittedAsync();
        using var browser = await SignInAsync("resident1");

        var html = await browser.GetStringAsync($"/orders/{order}");
        // The first tap only opens the question; the post sits behind the second button.
        Assert.Matches("<details class=\"card confirm\">\\s*<summary[^>]*data-testid=\"withdraw\"", html);
        Assert.Contains("data-testid=\"withdraw-confirm\"", html, StringComparison.Ordinal);
        Assert.Equal("Submitted", await kit.StatusAsync(order));
    }

    private static DateTimeOffset Slot()
    {
        var n = Interlocked.Increment(ref _slot);
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(200 + n);
        return new DateTimeOffset(day.AddHours(14), TimeSpan.FromHours(8));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string formPage) =>
        await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(formPage).Groups[1].Value }));

    private static int _slot;

    /// <summary>A published activity of 桃花村, or of a team of it (its leader runs it).</summary>
    private async Task<long> PublishedActivityAsync(long? teamId = null)
    {
        var starts = Slot();
        var id = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            teamId,
            title = TestData.Name("首页活动"),
            category = "PromotePolicy",
            place = "文化大院",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 30,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> DemoVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?");
        return all.Single(v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    /// <summary>Each link of the home cards answers 200 for this person: not 无权访问, not a sign-in redirect, not 404.</summary>
    private static async Task EveryLinkOpensAsync(HttpClient browser, string html)
    {
        var cards = html[html.IndexOf("data-testid=\"home-cards\"", StringComparison.Ordinal)..];
        var links = CardLink().Matches(cards).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await browser.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static int CountOf(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">\\s*<span>[^<]*</span>\\s*<b class=\"count[^\"]*\">(\\d+)</b>");
        Assert.True(match.Success, testId);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<HttpClient> SignInAsync(string login) => app.SignInToPagesAsync(login);

    [GeneratedRegex("<a href=\"([^\"]+)\" data-testid=")]
    private static partial Regex CardLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
