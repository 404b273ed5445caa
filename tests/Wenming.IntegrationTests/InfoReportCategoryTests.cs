using System.Net;
using System.Net.Http.Headers;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Excel;

namespace Wenming.IntegrationTests;

/// <summary>
/// The county's must-report categories (issue 13, RULES.md "a county edits the list", ADR 0057): RULES.md's nine are the
/// defaults; the county center adds, renames, reorders and retires categories; reports, the list filter and the Excel
/// use the county's names; an old report keeps a retired category; unknown or retired categories are a 400 in Chinese;
/// the old ways of naming a category (the English name, its number) keep working; only the county center edits.
/// </summary>
public sealed class InfoReportCategoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string NewName(string prefix) => prefix + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<ApiResponse> ReportAsync(object category, string title) =>
        app.As("village1").PostAsync("/api/v1/info-reports", new { orgUnitId = app.Demo.Unit("village1"), category, urgent = false, title, body = "按类别报送。" });

    [DatabaseFact]
    public async Task The_nine_of_the_rules_are_the_defaults_and_old_clients_name_them_as_before()
    {
        var list = (await app.As("village1").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var codes = list.Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(
            ["MajorActivity", "Emergency", "SafetyAccident", "MassIncident", "PublicOpinion", "Exemplar", "ImportantMeeting", "Experience", "Difficulty"],
            codes.Take(9));
        Assert.Equal("重大活动", list[0].GetProperty("name").GetString());
        Assert.Equal("问题困难", list[8].GetProperty("name").GetString());

        var byName = (await ReportAsync("SafetyAccident", TestData.Name("按名"))).Expect(HttpStatusCode.Created);
        Assert.Equal("SafetyAccident", byName.Text("category"));
        Assert.Equal("安全事故", byName.Text("categoryLabel"));
        var byNumber = (await ReportAsync(3, TestData.Name("按号"))).Expect(HttpStatusCode.Created);
        Assert.Equal("SafetyAccident", byNumber.Text("category"));
        var byChinese = (await ReportAsync("先进典型", TestData.Name("按中文"))).Expect(HttpStatusCode.Created);
        Assert.Equal("Exemplar", byChinese.Text("category"));
        var unknown = (await ReportAsync("Gossip", "x")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("没有“Gossip”这个信息类别，请从本县的必报类别中选择。", Assert.Single(unknown.FieldErrors("category")));
        var filtered = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/info-reports?category=3&");
        Assert.Contains(filtered, r => r.GetProperty("id").GetInt64() == byNumber.Id);
        Assert.All(filtered, r => Assert.Equal("SafetyAccident", r.GetProperty("category").GetString()));
    }

    [DatabaseFact]
    public async Task County_center_adds_renames_reorders_and_retires_and_reports_follow_its_list()
    {
        var center = app.As("center");
        var name = NewName("创建");
        var created = (await center.PostAsync("/api/v1/info-report-categories", new { name })).Expect(HttpStatusCode.Created);
        var code = created.Text("code");
        Assert.StartsWith("c", code, StringComparison.Ordinal);
        Assert.False(created.Json.GetProperty("retired").GetBoolean());

        var title = TestData.Name("自定义类别");
        var report = (await ReportAsync(code, title)).Expect(HttpStatusCode.Created);
        Assert.Equal(code, report.Text("category"));
        Assert.Equal(name, report.Text("categoryLabel"));

        // Renamed: old reports show the new name, in the list, the detail and the Excel.
        var renamed = NewName("文明");
        (await center.PutAsync($"/api/v1/info-report-categories/{created.Id}", new { name = renamed, sortOrder = 1 })).Expect(HttpStatusCode.OK);
        Assert.Equal(renamed, (await app.As("town1").GetAsync($"/api/v1/info-reports/{report.Id}")).Expect(HttpStatusCode.OK).Text("categoryLabel"));
        // Order 1 ties with 重大活动's 1; ties keep the older row first, so it is among the first two.
        var firstTwo = (await app.As("town2").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Take(2).ToList();
        Assert.Contains(firstTwo, c => c.GetProperty("code").GetString() == code);
        var inFilter = await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/info-reports?category={code}&");
        Assert.Equal([report.Id], inFilter.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Contains(await ExportAsync("town1"), r => r.Cells.Contains(title) && r.Cells.Contains(renamed));

        // Retired: not offered, not accepted; the old report keeps it; it can come back.
        (await center.PutAsync($"/api/v1/info-report-categories/{created.Id}", new { name = renamed, retired = true })).Expect(HttpStatusCode.OK);
        var offered = (await app.As("village1").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.DoesNotContain(offered, c => c.GetProperty("code").GetString() == code);
        var all = (await center.GetAsync("/api/v1/info-report-categories?includeRetired=true")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Contains(all, c => c.GetProperty("code").GetString() == code && c.GetProperty("retired").GetBoolean());
        var refused = (await ReportAsync(code, "停用后")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal($"信息类别“{renamed}”已停用，请选择其他类别。", Assert.Single(refused.FieldErrors("category")));
        var old = (await app.As("town1").GetAsync($"/api/v1/info-reports/{report.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(code, old.Text("category"));
        Assert.Equal(renamed, old.Text("categoryLabel"));
        (await center.PutAsync($"/api/v1/info-report-categories/{created.Id}", new { name = renamed, retired = false })).Expect(HttpStatusCode.OK);
        (await ReportAsync(renamed, TestData.Name("恢复后"))).Expect(HttpStatusCode.Created);

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=ReportCategory&entityId={created.Id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "center");
        Assert.Equal(3, entries.Count(e => e.GetProperty("action").GetString() == "Updated"));
    }

    [DatabaseFact]
    public async Task Only_the_county_center_edits_and_bad_input_is_a_400_in_Chinese_that_changes_nothing()
    {
        var before = (await app.As("center").GetAsync("/api/v1/info-report-categories?includeRetired=true")).Expect(HttpStatusCode.OK).Json.GetArrayLength();
        (await app.As("town1").PostAsync("/api/v1/info-report-categories", new { name = NewName("镇") })).Expect(HttpStatusCode.Forbidden);
        (await app.As("supervisor1").PostAsync("/api/v1/info-report-categories", new { name = NewName("督") })).Expect(HttpStatusCode.Forbidden);
        (await app.As("resident1").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.Forbidden);
        var first = (await app.As("center").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.OK).Json.EnumerateArray().First();
        (await app.As("town1").PutAsync($"/api/v1/info-report-categories/{first.GetProperty("id").GetInt64()}", new { name = "改名" })).Expect(HttpStatusCode.Forbidden);

        var empty = (await app.As("center").PostAsync("/api/v1/info-report-categories", new { name = " " })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写类别名称。", Assert.Single(empty.FieldErrors("name")));
        var twice = (await app.As("center").PostAsync("/api/v1/info-report-categories", new { name = "舆情" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("已有名为“舆情”的类别。", Assert.Single(twice.FieldErrors("name")));
        var longName = (await app.As("center").PostAsync("/api/v1/info-report-categories", new { name = new string('类', 21), sortOrder = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.Single(longName.FieldErrors("name"));
        Assert.Equal("排序应为 1 至 999 的整数。", Assert.Single(longName.FieldErrors("sortOrder")));
        (await app.As("center").PutAsync("/api/v1/info-report-categories/987654321", new { name = "无" })).ExpectProblem(HttpStatusCode.NotFound, "supervision.category_not_found");
        Assert.Equal(before, (await app.As("center").GetAsync("/api/v1/info-report-categories?includeRetired=true")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
        Assert.Equal(first.GetProperty("name").GetString(), (await app.As("center").GetAsync("/api/v1/info-report-categories")).Expect(HttpStatusCode.OK).Json.EnumerateArray().First().GetProperty("name").GetString());
    }

    private async Task<IReadOnlyList<ExcelRow>> ExportAsync(string login)
    {
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/info-reports/export?month={month}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = ExcelReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.True(sheet.IsSuccess);
        return sheet.Value;
    }
}
