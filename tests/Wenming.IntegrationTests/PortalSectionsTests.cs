using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// The portal's sections besides articles (issue 16): upcoming activities and recruitment, the service menu, the points
/// notices and ranking — published only, names masked, nothing else about a person on any public page or answer — the
/// visitor's remembered village, and an activity report drafted from an archive that still needs another person's review.
/// </summary>
public sealed partial class PortalSectionsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _slot;

    private static DateTimeOffset Slot()
    {
        var n = Interlocked.Increment(ref _slot);
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(3 + n);
        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    private async Task<long> ActivityAsync(string unitKey, bool publish, string? title = null)
    {
        var starts = Slot();
        var id = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit(unitKey),
            title = title ?? TestData.Name("门户活动"),
            category = "CultivateValues",
            place = "村文化礼堂",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 20,
        })).Expect(HttpStatusCode.Created).Id;
        if (publish)
        {
            (await app.Admin.PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        }

        return id;
    }

    private static IReadOnlyList<long> Ids(ApiResponse response) => [.. response.Items.Select(i => i.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task PublicActivities_ArePublishedAndUpcoming_OfTheUnitAndAbove_AndRecruitingWhileOpen()
    {
        var own = await ActivityAsync("village1", publish: true);
        var county = await ActivityAsync("county", publish: true);
        var draft = await ActivityAsync("village1", publish: false);
        var other = await ActivityAsync("village2", publish: true);

        var list = (await app.Anonymous().GetAsync($"/api/v1/public/activities?orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(own, Ids(list));
        Assert.Contains(county, Ids(list));
        Assert.DoesNotContain(draft, Ids(list));
        Assert.DoesNotContain(other, Ids(list));
        var item = list.Items.Single(i => i.GetProperty("id").GetInt64() == own);
        Assert.True(item.GetProperty("recruiting").GetBoolean());
        Assert.Equal("村文化礼堂", item.GetProperty("place").GetString());

        var recruiting = (await app.Anonymous().GetAsync($"/api/v1/public/activities?orgUnitId={app.Demo.Unit("village1")}&recruiting=true&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(own, Ids(recruiting));
        Assert.All(recruiting.Items, i => Assert.True(i.GetProperty("recruiting").GetBoolean()));

        var page = await app.Http.GetStringAsync($"/portal/activities?unit={app.Demo.Unit("village1")}");
        Assert.Contains($"portal-activity-{own}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"portal-activity-{draft}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/account/login?ReturnUrl=%2Factivities%2F{own}", page, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task PublicServices_AreTheActiveCatalogOfTheUnitAndAbove_AndOrderingSignsInFirst()
    {
        async Task<long> ItemAsync(string unitKey, string name) =>
            (await app.Admin.PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit(unitKey), name, category = "Health", description = "上门量血压" }))
                .Expect(HttpStatusCode.Created).Id;

        var own = await ItemAsync("village1", TestData.Name("量血压"));
        var county = await ItemAsync("county", TestData.Name("法律咨询"));
        var other = await ItemAsync("village2", TestData.Name("理发"));

        var menu = (await app.Anonymous().GetAsync($"/api/v1/public/services?orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(own, Ids(menu));
        Assert.Contains(county, Ids(menu));
        Assert.DoesNotContain(other, Ids(menu));
        Assert.DoesNotContain("teamIds", menu.Body, StringComparison.OrdinalIgnoreCase);
        var item = menu.Items.Single(i => i.GetProperty("id").GetInt64() == own);
        Assert.Equal("Health", item.GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("categoryLabel").GetString()));

        var page = await app.Http.GetStringAsync($"/portal/services?unit={app.Demo.Unit("village1")}");
        Assert.Contains("/account/login?ReturnUrl=" + Uri.EscapeDataString($"/orders/new?item={own}"), page.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);

        using var resident = await SignInAsync("resident1");
        var signedIn = await resident.GetStringAsync($"/portal/services?unit={app.Demo.Unit("village1")}");
        Assert.Contains($"href=\"/orders/new?item={own}\"", signedIn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/orders/new?item={own}")).StatusCode);
    }

    [DatabaseFact]
    public async Task PointsNotices_ShowApprovedAwardsWithMaskedNames_NotProposedOnes_PerVillage()
    {
        // A unique name in Chinese characters (the digits of a test-run number spelled out), so a leak is unambiguous.
        var name = "欧阳" + string.Concat(TestData.Name("").Select(d => "零一二三四五六七八九"[d - '0'])) + "明";
        var person = await PointsTestKit.PersonAsync(app, app.Demo.Unit("village1"), name);
        var approved = (await app.As("village1").PostAsync("/api/v1/points/awards", new { personId = person, points = 12, reason = "帮助邻居抢收稻谷", category = "GoodDeed" }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As("town1").PostAsync($"/api/v1/points/awards/{approved}/approve")).Expect(HttpStatusCode.OK);
        var proposed = (await app.As("village1").PostAsync("/api/v1/points/awards", new { personId = person, points = 5, reason = "尚未审核的提议", category = "GoodDeed" }))
            .Expect(HttpStatusCode.Created).Id;

        var notices = (await app.Anonymous().GetAsync($"/api/v1/public/points/notices?orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(approved, Ids(notices));
        Assert.DoesNotContain(proposed, Ids(notices));
        var line = notices.Items.Single(i => i.GetProperty("id").GetInt64() == approved);
        Assert.Equal(name[0] + new string('*', name.Length - 2) + name[^1], line.GetProperty("personName").GetString());
        Assert.Equal(12, line.GetProperty("points").GetInt64());
        Assert.DoesNotContain(name, notices.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("personId", notices.Body, StringComparison.OrdinalIgnoreCase);

        var elsewhere = (await app.Anonymous().GetAsync($"/api/v1/public/points/notices?orgUnitId={app.Demo.Unit("village2")}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(approved, Ids(elsewhere));

        var ranking = (await app.Anonymous().GetAsync($"/api/v1/public/points/ranking?orgUnitId={app.Demo.Unit("village1")}&top=100")).Expect(HttpStatusCode.OK);
        Assert.All(ranking.Json.GetProperty("items").EnumerateArray(), r => Assert.Contains("*", r.GetProperty("personName").GetString(), StringComparison.Ordinal));

        var page = await app.Http.GetStringAsync($"/portal/points?unit={app.Demo.Unit("village1")}");
        Assert.Contains($"portal-notice-{approved}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task NoPublicPageOrAnswer_CarriesAFullNameOrPhoneNumberOfTheDemoPeople()
    {
        var people = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/people?orgUnitId={app.Demo.Unit("county")}&");
        var secrets = people.SelectMany(p => new[] { p.GetProperty("name").GetString()!, p.GetProperty("phone").GetString()! })
            .Where(s => s.Length >= 2).Distinct().ToList();
        Assert.NotEmpty(secrets);

        var paths = new List<string> { "/portal" };
        foreach (var unit in new[] { "county", "township1", "village1", "village2" })
        {
            var id = app.Demo.Unit(unit);
            paths.AddRange([
                $"/portal?unit={id}", $"/portal/activities?unit={id}", $"/portal/activities?unit={id}&recruiting=true", $"/portal/services?unit={id}", $"/portal/points?unit={id}",
                $"/api/v1/public/articles?orgUnitId={id}&pageSize=100", $"/api/v1/public/activities?orgUnitId={id}&pageSize=100",
                $"/api/v1/public/services?orgUnitId={id}&pageSize=100", $"/api/v1/public/points/notices?orgUnitId={id}&pageSize=100",
                $"/api/v1/public/points/ranking?orgUnitId={id}&top=100",
            ]);
        }

        using var visitor = app.Factory.CreateClient();
        foreach (var path in paths)
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + " → " + response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            var leaked = secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, path + " shows " + string.Join(", ", leaked));
        }
    }

    [DatabaseFact]
    public async Task BadParameters_Are400WithChineseMessages_AndAnUnknownUnit404()
    {
        foreach (var path in new[] { "/api/v1/public/activities", "/api/v1/public/services", "/api/v1/public/points/notices", "/api/v1/public/points/ranking" })
        {
            var missing = (await app.Anonymous().GetAsync(path)).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(missing.FieldErrors("orgUnitId")));
            (await app.Anonymous().GetAsync($"{path}?orgUnitId=999999999")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        }

        var unit = app.Demo.Unit("village1");
        (await app.Anonymous().GetAsync($"/api/v1/public/activities?orgUnitId={unit}&pageSize=0")).Expect(HttpStatusCode.BadRequest);
        (await app.Anonymous().GetAsync($"/api/v1/public/services?orgUnitId={unit}&page=0")).Expect(HttpStatusCode.BadRequest);
        (await app.Anonymous().GetAsync($"/api/v1/public/points/notices?orgUnitId={unit}&pageSize=101")).Expect(HttpStatusCode.BadRequest);
        var top = (await app.Anonymous().GetAsync($"/api/v1/public/points/ranking?orgUnitId={unit}&top=0")).Expect(HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(top.FieldErrors("top")));
    }

    [DatabaseFact]
    public async Task TheVisitorsVillage_IsRemembered_AndTheBarePortalShowsItWithTheCounty()
    {
        var village = await PublishedArticleAsync("village2", "town2");
        using var visitor = app.Factory.CreateClient();
        var chosen = await visitor.GetStringAsync($"/portal?unit={app.Demo.Unit("village2")}");
        Assert.Contains($"/portal/articles/{village}\"", chosen, StringComparison.Ordinal);

        var bare = new HtmlParser().ParseDocument(await visitor.GetStringAsync("/portal"));
        Assert.Equal(app.Demo.Unit("village2").ToString(System.Globalization.CultureInfo.InvariantCulture), bare.QuerySelector("#unit option[selected]")?.GetAttribute("value"));
        Assert.NotNull(bare.QuerySelector($"a[href='/portal/articles/{village}']"));

        using var stranger = app.Factory.CreateClient();
        Assert.DoesNotContain($"/portal/articles/{village}\"", await stranger.GetStringAsync("/portal"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AFinishedActivitysReport_IsDraftedFromItsArchive_AndStillNeedsAnotherPersonsReview()
    {
        var title = TestData.Name("重阳敬老");
        var id = await ActivityAsync("village1", publish: true, title: title);
        (await app.As("village1").PostAsync($"/api/v1/articles/from-activity/{id}")).ExpectProblem(HttpStatusCode.Conflict, "article.activity_not_ended");

        var photo = await UploadPhotoAsync(id, "全体合影");
        await FinishAsync(id);

        (await app.As("resident1").PostAsync($"/api/v1/articles/from-activity/{id}")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("village2").PostAsync($"/api/v1/articles/from-activity/{id}")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");

        var draft = (await app.As("village1").PostAsync($"/api/v1/articles/from-activity/{id}")).Expect(HttpStatusCode.Created);
        Assert.Equal("Draft", draft.Text("status"));
        Assert.Equal("ActivityReport", draft.Text("kind"));
        Assert.Equal(app.Demo.Unit("village1"), draft.Number("orgUnitId"));
        Assert.Contains(title, draft.Text("title"), StringComparison.Ordinal);
        var body = draft.Text("body");
        Assert.Contains("村文化礼堂", body, StringComparison.Ordinal);
        Assert.Contains("参加人数：0 人", body, StringComparison.Ordinal);
        Assert.Contains("服务时长", body, StringComparison.Ordinal);
        Assert.Contains($"![全体合影](/files/{photo})", body, StringComparison.Ordinal);
        Assert.Equal(photo, draft.Number("coverFileId"));

        var article = draft.Id;
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/portal/articles/{article}")).StatusCode);
        (await app.As("village1").PostAsync($"/api/v1/articles/{article}/submit")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/articles/{article}/approve")).ExpectProblem(HttpStatusCode.Conflict, "article.own_article");
        (await app.As("town1").PostAsync($"/api/v1/articles/{article}/approve")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/articles/{article}/publish")).Expect(HttpStatusCode.OK);
        using var shown = await app.Http.GetAsync($"/portal/articles/{article}/files/{photo}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);

        using var staff = await SignInAsync("village1");
        var page = await staff.GetStringAsync($"/activities/{id}");
        Assert.Contains("data-testid=\"draft-report\"", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value });
        using var posted = await staff.PostAsync($"/content/from-activity/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/content/edit/", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<long> PublishedArticleAsync(string author, string reviewer)
    {
        var id = (await app.As(author).PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit(author), kind = "News", title = TestData.Name("本村新闻"), body = "正文" }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As(author).PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        (await app.As(reviewer).PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        (await app.As(author).PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> UploadPhotoAsync(long activityId, string caption)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SampleFiles.Png(40, 30, (x, y) => ((byte)(x * 6), (byte)(y * 8), 90)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "合影.png");
        form.Add(new StringContent("Photo"), "kind");
        form.Add(new StringContent(caption), "caption");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activityId}/attachments") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("fileId").GetInt64();
    }

    /// <summary>Moves the activity to Finished in the database: finishing through attendance is another slice's test.</summary>
    private async Task FinishAsync(long id)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<Activity>().IgnoreQueryFilters().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Finished)));
    }

    private Task<HttpClient> SignInAsync(string login) => app.SignInToPagesAsync(login);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
