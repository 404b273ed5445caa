using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Bad input is a 400 with a code and a Chinese message per field, never a 500 and never stored
/// (issue 10, ADR 0020): missing fields, overlong text, control characters, undefined enums, ids
/// that are not positive, malformed path ids; and a body too large is a 413 that names the limits.
/// </summary>
public sealed class InputRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const long Missing = 999_999_999;

    [DatabaseFact]
    public async Task EveryPostAndPut_WithAnEmptyBody_AnswersAProblemWithACode_NeverA500()
    {
        var document = (await app.Admin.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var failures = new List<string>();
        var swept = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            // Signing out would end the sweeping admin's session; the sign-in endpoints are swept below as anonymous.
            if (path.Name.Contains("/auth/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put"))
            {
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{[^}]+\}", Missing.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var answer = await app.Admin.SendAsync(operation.Name == "post" ? HttpMethod.Post : HttpMethod.Put, url, new { });
                swept++;
                if (answer.StatusCode >= 500 || (answer.StatusCode >= 400 && (answer.ContentType != "application/problem+json" || string.IsNullOrEmpty(answer.Code))))
                {
                    failures.Add(answer.ToString());
                }
            }
        }

        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/auth/refresh" })
        {
            var answer = await app.Anonymous().PostAsync(path, new { });
            swept++;
            if (answer.StatusCode is < 400 or >= 500 || string.IsNullOrEmpty(answer.Code))
            {
                failures.Add(answer.ToString());
            }
        }

        Assert.True(swept > 50, $"only {swept} write endpoints found in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [DatabaseFact]
    public async Task SubmitOrder_WithoutContactPhone_Is400_NamingTheField()
    {
        var answer = await app.As("resident1").PostAsync("/api/v1/orders", new { orgUnitId = app.Demo.Unit("village1"), description = "帮忙修一下水管" });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("联系电话", Assert.Single(answer.FieldErrors("contactPhone")), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AHundredThousandCharacterPhone_IsRefused_AndNotStored()
    {
        var phone = new string('1', 100_000);
        var order = await app.As("resident1").PostAsync("/api/v1/orders", new { orgUnitId = app.Demo.Unit("village1"), description = "帮忙修一下水管", contactPhone = phone });
        order.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("20", Assert.Single(order.FieldErrors("contactPhone")), StringComparison.Ordinal);

        var person = await app.Admin.PostAsync("/api/v1/people", new { name = "长号码", idNumber = TestData.IdNumber(new DateOnly(1980, 1, 1)), phone, orgUnitId = app.Demo.Unit("village1") });
        person.ExpectProblem(HttpStatusCode.BadRequest, "validation.text_too_long");
        Assert.NotEmpty(person.FieldErrors("phone"));
    }

    [DatabaseFact]
    public async Task ControlCharactersInANameOrTitle_AreRefused_NewlinesOnlyInMultiLineText()
    {
        var team = await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = "便民\0服务队", category = "Convenience" });
        team.ExpectProblem(HttpStatusCode.BadRequest, "validation.control_character");
        Assert.Contains("控制字符", Assert.Single(team.FieldErrors("name")), StringComparison.Ordinal);

        var twoLines = await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = "便民\n服务队", category = "Convenience" });
        twoLines.ExpectProblem(HttpStatusCode.BadRequest, "validation.control_character");

        // A description may have lines, but no NUL.
        var order = await app.As("resident1").PostAsync("/api/v1/orders", new { orgUnitId = app.Demo.Unit("village1"), description = "第一行\n第二行\u0007", contactPhone = "13800138000" });
        order.ExpectProblem(HttpStatusCode.BadRequest, "validation.control_character_multiline");
        var lines = await app.As("resident1").PostAsync("/api/v1/orders", new { orgUnitId = app.Demo.Unit("village1"), description = "第一行\n第二行", contactPhone = "13800138000" });
        lines.Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task AnOverlongTitle_IsRefused_WithTheLimitInChinese()
    {
        var answer = await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = new string('队', 5000), category = "Convenience" });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Matches("[\u4e00-\u9fff]", Assert.Single(answer.FieldErrors("name")));
    }

    [DatabaseFact]
    public async Task AnEnumOutOfRange_AsANumberOrAnUnknownName_IsRefused()
    {
        var number = await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = "负一队", category = -1 });
        number.ExpectProblem(HttpStatusCode.BadRequest, "validation.enum_undefined");
        Assert.Contains("范围", Assert.Single(number.FieldErrors("category")), StringComparison.Ordinal);

        var name = await app.Admin.PostAsync("/api/v1/teams", new { orgUnitId = app.Demo.Unit("village1"), name = "乱名队", category = "Bogus" });
        name.ExpectProblem(HttpStatusCode.BadRequest, "validation.field_malformed");
        Assert.NotEmpty(name.FieldErrors("category"));

        var teams = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/teams?orgUnitId={app.Demo.Unit("village1")}&");
        Assert.DoesNotContain(teams, t => t.GetProperty("name").GetString() is "负一队" or "乱名队");
    }

    [DatabaseFact]
    public async Task ANegativeId_InTheBodyOrThePath_IsRefused()
    {
        var person = await app.Admin.PostAsync("/api/v1/people", new { name = "负户号", idNumber = TestData.IdNumber(new DateOnly(1981, 2, 3)), phone = "13800138001", orgUnitId = app.Demo.Unit("village1"), householdId = -1 });
        person.ExpectProblem(HttpStatusCode.BadRequest, "validation.id_not_positive");
        Assert.NotEmpty(person.FieldErrors("householdId"));

        (await app.Admin.GetAsync("/api/v1/orders/-1")).ExpectProblem(HttpStatusCode.BadRequest, "validation.id_not_positive");
    }

    // "%00" cannot be sent through the test server (it refuses a path with a NUL before the app runs);
    // over Kestrel it is refused the same way, before the app (see ADR 0020).
    [DatabaseTheory]
    [InlineData("abc")]
    [InlineData("%2500")]
    [InlineData("99999999999999999999999999")]
    public async Task AMalformedPathId_IsAProblemWithACode(string id)
    {
        var answer = await app.Admin.GetAsync("/api/v1/orders/" + id);

        Assert.True(answer.StatusCode is 400 or 404, answer.ToString());
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.False(string.IsNullOrEmpty(answer.Code), answer.ToString());
    }

    [DatabaseFact]
    public async Task APageForm_WithAControlCharacterOrAnOverlongName_IsReShown_WithChineseMessages()
    {
        using var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await TokenOfAsync(browser, "/account/login");
        using (var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "center",
            ["Password"] = AppFixture.DemoPassword,
            ["__RequestVerificationToken"] = login,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var form = $"/org/{app.Demo.Unit("county")}/create";
        foreach (var (name, message) in new[] { ("坏\u0007名字", "控制字符"), (new string('长', 300), "不能超过 200 个字") })
        {
            var token = await TokenOfAsync(browser, form);
            using var answer = await browser.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Level"] = "Township",
                ["Input.Name"] = name,
                ["Input.DivisionCode"] = "",
                ["__RequestVerificationToken"] = token,
            }));
            var html = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{name.Length}: {(int)answer.StatusCode} (token {token.Length} chars): {(html.Contains("error-page", StringComparison.Ordinal) ? html[html.IndexOf("error-page", StringComparison.Ordinal)..] : html[..600])}");
            Assert.Contains("name=\"Input.Name\"", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
    }

    [DatabaseFact]
    public async Task APageForm_WithANul_IsRefused_WithAChinesePage()
    {
        using var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await TokenOfAsync(browser, "/account/login");
        using var answer = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "cen\0ter",
            ["Password"] = AppFixture.DemoPassword,
            ["__RequestVerificationToken"] = login,
        }));

        // A browser cannot type a NUL; a crafted form with one is refused before the page runs.
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("请求格式不正确", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> TokenOfAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    [DatabaseFact]
    public async Task A40MegabyteUpload_Is413_NamingTheLimitsInChinese_OnTheApiAndThePage()
    {
        var activity = (await app.Admin.GetAsync("/api/v1/activities?pageSize=1")).Expect(HttpStatusCode.OK).Items[0].GetProperty("id").GetInt64();
        var big = new byte[40 * 1024 * 1024];

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(big) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "大照片.png");
        form.Add(new StringContent("Photo"), "kind");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activity}/attachments") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("admin"));
        using var response = await app.Http.SendAsync(request);
        var answer = new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST 40 MB attachment");
        answer.ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        var detail = answer.Text("detail");
        Assert.Contains("MB", detail, StringComparison.Ordinal);
        Assert.Contains("8 MB", detail, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]", detail);

        // The same upload from the page (the archive form): a readable page, not a bare error.
        using var pageForm = new MultipartFormDataContent();
        pageForm.Add(new ByteArrayContent(big), "Upload.File", "大照片.png");
        using var page = await app.Http.PostAsync($"/activities/{activity}?handler=Upload", pageForm);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-page\"", html, StringComparison.Ordinal);
        Assert.Contains("8 MB", html, StringComparison.Ordinal);
    }
}
