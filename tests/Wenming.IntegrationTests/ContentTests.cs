using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Articles and the public portal (issue 16) through HTTP: the review by another person (and a second one under
/// 三审), publishing to a subtree (a village's article stays off another village's portal), bad input, scope, hostile
/// titles and bodies found inert in the API and on every page that shows them, and the anonymous visitor's portal.
/// </summary>
public sealed partial class ContentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] XssBody =
    [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "[点我](javascript:alert('xss-3'))",
        "![图](javascript:alert('xss-4'))",
        "<a href=\"javascript:alert('xss-5')\">链接</a>",
        "[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<svg onload=alert('xss-6')></svg>",
        "[外站](//evil.example/x)",
        "<javascript:alert('xss-7')>",
        "[正常链接](https://www.wenming.cn/)",
    ];

    private const string XssTitle = "<script>alert('title')</script><img src=x onerror=alert(1)>";

    [DatabaseFact]
    public async Task Approval_ByTheAuthor_IsRefused_AndByAnother_Passes_ThenPublished()
    {
        var id = await DraftAsync("village1", "village1", TestData.Name("桃花村通知"));
        (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "article.invalid_transition");
        var submitted = (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.Text("status"));

        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "article.own_article");
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/reject", new { reason = "自己退回" })).ExpectProblem(HttpStatusCode.Conflict, "article.own_article");
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).ExpectProblem(HttpStatusCode.Conflict, "article.invalid_transition");
        (await app.As("resident1").PostAsync($"/api/v1/articles/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var approved = (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Text("status"));
        Assert.Equal("town1", approved.Text("approvedBy"));
        var published = (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish", new { pinned = true })).Expect(HttpStatusCode.OK);
        Assert.Equal("Published", published.Text("status"));
        Assert.True(published.Json.GetProperty("pinned").GetBoolean());

        var read = (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(published.Text("title"), read.Text("title"));
        Assert.DoesNotContain("author", read.Body, StringComparison.OrdinalIgnoreCase);
    }

    [DatabaseFact]
    public async Task Rejection_SendsTheArticleBackWithItsReason_AndNeedsAReason()
    {
        var id = await DraftAsync("village1", "village1", TestData.Name("待退回"));
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);

        (await app.As("town1").PostAsync($"/api/v1/articles/{id}/reject", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        var back = (await app.As("town1").PostAsync($"/api/v1/articles/{id}/reject", new { reason = "请补充照片" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Draft", back.Text("status"));
        Assert.Equal("请补充照片", back.Text("rejectReason"));
        var edited = (await app.As("village1").PutAsync($"/api/v1/articles/{id}", new { kind = "Notice", title = "改过的标题", body = "补充了照片" })).Expect(HttpStatusCode.OK);
        Assert.Equal("改过的标题", edited.Text("title"));
    }

    [DatabaseFact]
    public async Task UnderSecondReview_TheFirstApproverCannotApproveAgain_AndAThirdPersonPublishes()
    {
        (await app.As("center").PutAsync("/api/v1/articles/settings", new { secondReview = true })).Expect(HttpStatusCode.OK);
        try
        {
            var id = await DraftAsync("village1", "village1", TestData.Name("三审文章"));
            (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);

            var first = (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
            Assert.Equal("FirstApproved", first.Text("status"));
            (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).ExpectProblem(HttpStatusCode.Conflict, "article.invalid_transition");
            (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "article.own_article");

            var second = (await app.As("center").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
            Assert.Equal("Approved", second.Text("status"));
            Assert.Equal("town1", second.Text("firstReviewer"));
            (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);
        }
        finally
        {
            (await app.As("center").PutAsync("/api/v1/articles/settings", new { secondReview = false })).Expect(HttpStatusCode.OK);
        }

        (await app.As("town1").PutAsync("/api/v1/articles/settings", new { secondReview = true })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task AVillagesArticle_IsOnItsOwnPortal_NotOnAnotherVillages_WhileTheCountysReachesEvery()
    {
        var village = await PublishedAsync("village1", "village1", "town1", TestData.Name("桃花村专属"));
        var county = await PublishedAsync("center", "county", "admin", TestData.Name("全县新闻"));

        async Task<IReadOnlyList<long>> PortalAsync(string unit) =>
            [.. (await app.Anonymous().GetAsync($"/api/v1/public/articles?orgUnitId={app.Demo.Unit(unit)}&pageSize=100")).Expect(HttpStatusCode.OK)
                .Items.Select(i => i.GetProperty("id").GetInt64())];

        var own = await PortalAsync("village1");
        var sibling = await PortalAsync("village1-sibling");
        var other = await PortalAsync("village2");
        var countyPortal = await PortalAsync("county");

        Assert.Contains(village, own);
        Assert.DoesNotContain(village, sibling);
        Assert.DoesNotContain(village, other);
        Assert.DoesNotContain(village, countyPortal);
        Assert.All(new[] { own, sibling, other, countyPortal }, list => Assert.Contains(county, list));

        var html = await app.Http.GetStringAsync($"/portal?unit={app.Demo.Unit("village2")}");
        Assert.DoesNotContain($"/portal/articles/{village}\"", html, StringComparison.Ordinal);
        Assert.Contains($"/portal/articles/{county}\"", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ArticlesOutsideTheSubtree_AreNotFound_AndDraftsAreNotPublic()
    {
        var id = await DraftAsync("village1", "village1", TestData.Name("草稿"));
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);

        (await app.As("town2").GetAsync($"/api/v1/articles/{id}")).ExpectProblem(HttpStatusCode.NotFound, "article.not_found");
        (await app.As("town2").PostAsync($"/api/v1/articles/{id}/approve")).ExpectProblem(HttpStatusCode.NotFound, "article.not_found");
        (await app.As("village2").PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit("village1"), kind = "News", title = "越权", body = "正文" }))
            .ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).ExpectProblem(HttpStatusCode.NotFound, "article.not_found");
        (await app.Anonymous().GetAsync("/api/v1/articles")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/portal/articles/{id}")).StatusCode);

        var list = (await app.As("town2").GetAsync("/api/v1/articles?pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.Items, i => i.GetProperty("id").GetInt64() == id);
        var mine = (await app.As("town1").GetAsync("/api/v1/articles?review=true&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(mine.Items, i => i.GetProperty("id").GetInt64() == id);
    }

    [DatabaseFact]
    public async Task BadInput_Is400WithChineseFieldMessages_AndCreatesNothing()
    {
        var before = (await app.As("village1").GetAsync("/api/v1/articles?pageSize=1")).Expect(HttpStatusCode.OK).Total;

        var refused = (await app.As("village1").PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit("village1"), title = new string('长', 101), body = "" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        foreach (var field in new[] { "kind", "title", "body" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
        }

        (await app.As("village1").PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit("village1"), kind = "Gossip", title = "标题", body = "正文" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await app.As("village1").GetAsync("/api/v1/articles?pageSize=1")).Expect(HttpStatusCode.OK).Total);
        (await app.Anonymous().GetAsync("/api/v1/public/articles")).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
    }

    [DatabaseFact]
    public async Task HostileTitlesAndBodies_AreInert_InTheApiAndOnEveryPage()
    {
        var body = string.Join("\n\n", XssBody);
        var created = (await app.As("village1").PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit("village1"), kind = "News", title = XssTitle, summary = XssTitle, body }))
            .Expect(HttpStatusCode.Created);
        var id = created.Id;
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);

        var read = (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.OK);
        var fragment = new HtmlParser().ParseDocument("<body>" + read.Text("body") + "</body>");
        AssertInert(fragment, "the API's body");
        Assert.Contains(fragment.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://www.wenming.cn/");
        Assert.Equal(XssTitle, read.Text("title"));

        using var staff = await SignInAsync("village1");
        var pages = new Dictionary<string, string>
        {
            ["portal"] = await app.Http.GetStringAsync($"/portal?unit={app.Demo.Unit("village1")}"),
            ["portal news"] = await app.Http.GetStringAsync($"/portal?unit={app.Demo.Unit("village1")}&kind=News"),
            ["article"] = await app.Http.GetStringAsync($"/portal/articles/{id}"),
            ["staff detail"] = await staff.GetStringAsync($"/content/{id}"),
            ["staff list"] = await staff.GetStringAsync("/content"),
        };
        foreach (var (name, html) in pages)
        {
            var document = new HtmlParser().ParseDocument(html);
            AssertInert(document, name);
            Assert.Contains(XssTitle, document.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [DatabaseFact]
    public async Task AnAnonymousVisitor_AtTheRoot_GetsThePortal_WithSignInOneTapAway_AndAShareCard()
    {
        using var visitor = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var root = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/portal", root.Headers.Location?.OriginalString);

        var title = TestData.Name("分享测试");
        var id = await PublishedAsync("village1", "village1", "town1", title);
        var html = await visitor.GetStringAsync($"/portal?unit={app.Demo.Unit("village1")}");
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotNull(document.QuerySelector("a[href='/account/login']"));
        Assert.NotNull(document.QuerySelector("meta[property='og:title']"));
        Assert.NotNull(document.QuerySelector("meta[property='og:image']"));
        Assert.Contains(title, document.Body!.TextContent, StringComparison.Ordinal);

        var article = new HtmlParser().ParseDocument(await visitor.GetStringAsync($"/portal/articles/{id}"));
        Assert.Equal(title, article.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Contains(title, article.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("village1", article.Body!.TextContent, StringComparison.Ordinal);

        using var verify = await visitor.GetAsync("/portal?handler=Verify&code=ABC-123");
        Assert.Equal("/verify/ABC-123", verify.Headers.Location?.OriginalString);

        using var signedIn = await SignInAsync("village1");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);
    }

    [DatabaseFact]
    public async Task APictureFromThePhone_IsPublicWithItsArticle_AndAnotherFileIsNot()
    {
        using var staff = await SignInAsync("village1");
        var form = await staff.GetStringAsync("/content/edit");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("News"), "Input.Kind" },
            { new StringContent(TestData.Name("有图的文章")), "Input.Title" },
            { new StringContent("活动现场"), "Input.Body" },
        };
        var picture = new ByteArrayContent(Wenming.Web.Platform.Files.SampleFiles.Png(8, 8, (_, _) => (200, 30, 30)));
        picture.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(picture, "picture", "现场.png");
        using var saved = await staff.PostAsync("/content/edit", content);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var draft = (await app.As("village1").GetAsync($"/api/v1/articles/{id}")).Expect(HttpStatusCode.OK);
        var fileId = draft.Number("coverFileId");
        Assert.Contains($"(/files/{fileId})", draft.Text("body"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/portal/articles/{id}/files/{fileId}")).StatusCode);

        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);

        using var shown = await app.Http.GetAsync($"/portal/articles/{id}/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        var read = (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.OK);
        Assert.Contains($"/portal/articles/{id}/files/{fileId}", read.Text("body"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/portal/articles/{id}/files/{fileId + 100_000}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/files/{fileId}")).Status);
    }

    private static void AssertInert(IDocument document, string where)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            Assert.True(script.GetAttribute("src")?.StartsWith("/js/", StringComparison.Ordinal) == true, $"{where}: a script that is not the site's own: {script.OuterHtml}");
        }

        Assert.Empty(document.QuerySelectorAll("iframe, svg, object, embed"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action")
                {
                    Assert.DoesNotMatch(UnsafeScheme(), attribute.Value);
                }
            }
        }
    }

    [GeneratedRegex(@"^\s*(javascript|data|vbscript):|^//", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeScheme();

    private async Task<long> DraftAsync(string author, string unit, string title) =>
        (await app.As(author).PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit(unit), kind = "Notice", title, body = "## 通知\n\n请大家**准时**参加。" }))
            .Expect(HttpStatusCode.Created).Id;

    private async Task<long> PublishedAsync(string author, string unit, string reviewer, string title)
    {
        var id = await DraftAsync(author, unit, title);
        (await app.As(author).PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        (await app.As(reviewer).PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        (await app.As(author).PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);
        return id;
    }

    private Task<HttpClient> SignInAsync(string login) => app.SignInToPagesAsync(login);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
