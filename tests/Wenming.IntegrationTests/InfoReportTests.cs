using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// 信息报送 over HTTP (issue 13, RULES.md information reports): a village reports upward, its township signs for it (a
/// receipt, once, even when signed for many times at once) and the village follows up; the lights filter the list on the
/// database at each boundary; the ledger and its Excel; attachments; bad input is a 400 in Chinese that changes nothing;
/// scope (a sibling township, and two supervisors of different subtrees, never see each other's units); every write audited.
/// </summary>
public sealed class InfoReportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = SampleFiles.Png(30, 20, (x, y) => ((byte)(x * 8), (byte)(y * 9), 120));

    private Task<ApiResponse> ReportAsync(string by, long unitId, string title, bool urgent = true, string category = "SafetyAccident") =>
        app.As(by).PostAsync("/api/v1/info-reports", new { orgUnitId = unitId, category, urgent, title, body = "已组织人员到场处置，情况稳定。" });

    private static List<long> Ids(IEnumerable<JsonElement> items) => [.. items.Select(t => t.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task Village_reports_urgent_news_the_township_signs_for_it_once_and_the_village_follows_up_green()
    {
        var title = TestData.Name("村道塌方");
        var created = (await ReportAsync("village1", app.Demo.Unit("village1"), title)).Expect(HttpStatusCode.Created);
        Assert.Equal("Blue", created.Text("light"));
        Assert.Equal("安全事故", created.Text("categoryLabel"));
        Assert.Equal(app.Demo.Unit("township1"), created.Number("toUnitId"));
        var reportedAt = created.Json.GetProperty("reportedAt").GetDateTimeOffset();
        Assert.Equal(reportedAt.AddHours(1), created.Json.GetProperty("readDueAt").GetDateTimeOffset());
        Assert.Equal(reportedAt.AddHours(24), created.Json.GetProperty("followUpDueAt").GetDateTimeOffset());
        var id = created.Id;
        var notices = (await app.As("town1").GetAsync("/api/v1/notifications?pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(notices, n => n.GetProperty("body").GetString()!.Contains(title, StringComparison.Ordinal));

        // In town1's inbox, unread; only the receiving level signs: not the village itself, not the county, not the supervisor.
        var inbox = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/info-reports?box=in&read=false&");
        Assert.Contains(id, Ids(inbox));
        (await app.As("village1").PostAsync($"/api/v1/info-reports/{id}/read")).Expect(HttpStatusCode.Forbidden);
        (await app.As("center").PostAsync($"/api/v1/info-reports/{id}/read")).Expect(HttpStatusCode.Forbidden);
        (await app.As("supervisor1").PostAsync($"/api/v1/info-reports/{id}/read")).Expect(HttpStatusCode.Forbidden);
        (await app.As("supervisor1").GetAsync($"/api/v1/info-reports/{id}")).Expect(HttpStatusCode.OK);

        // Signed for by town1 many times at once: one receipt, every answer shows the same one.
        var town1 = app.As("town1");
        await app.TokenAsync("town1");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => town1.PostAsync($"/api/v1/info-reports/{id}/read")));
        Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
        var receipts = answers.Select(a => a.Json.GetProperty("readAt").GetDateTimeOffset()).Distinct().ToList();
        Assert.Single(receipts);
        Assert.All(answers, a => Assert.Equal("town1", a.Text("readByLogin")));
        var again = (await town1.PostAsync($"/api/v1/info-reports/{id}/read")).Expect(HttpStatusCode.OK);
        Assert.Equal(receipts[0], again.Json.GetProperty("readAt").GetDateTimeOffset());

        // The village follows up in writing (the township does not): green.
        (await town1.PostAsync($"/api/v1/info-reports/{id}/follow-up", new { body = "代为续报" })).Expect(HttpStatusCode.Forbidden);
        var followed = (await app.As("village1").PostAsync($"/api/v1/info-reports/{id}/follow-up", new { body = "塌方路段已清理，恢复通行。" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Green", followed.Text("light"));
        Assert.Equal("绿灯", followed.Text("lightLabel"));

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=InfoReport&entityId={id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "village1");
        Assert.Single(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "town1");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1");
    }

    [DatabaseFact]
    public async Task Lights_filter_the_list_on_the_database_at_each_boundary()
    {
        var title = TestData.Name("亮灯边界");
        var now = DateTime.UtcNow;
        // Made so long ago that "now" of the request (a little later than ours) is past each boundary, or safely before it.
        var ids = await PastReportsAsync(title, new()
        {
            ["blue"] = (now.AddMinutes(-40), null, null, true),
            ["yellow_read"] = (now.AddMinutes(-50), null, null, true),
            ["red_unread"] = (now.AddMinutes(-61), null, null, true),
            ["yellow_follow_up"] = (now.AddHours(-20), now.AddHours(-19.9), null, true),
            ["red_no_follow_up"] = (now.AddHours(-25), now.AddHours(-24.9), null, true),
            ["red_read_late"] = (now.AddHours(-3), now.AddHours(-1.5), now.AddHours(-1), true),
            ["green"] = (now.AddHours(-30), now.AddHours(-29.5), now.AddHours(-10), true),
            ["red_follow_up_late"] = (now.AddHours(-30), now.AddHours(-29.5), now.AddHours(-5), true),
            ["routine_blue"] = (now.AddDays(-3), null, null, false),
            ["routine_green"] = (now.AddDays(-3), now.AddDays(-1), null, false),
        });

        var expected = new Dictionary<string, string>
        {
            ["blue"] = "Blue",
            ["yellow_read"] = "Yellow",
            ["red_unread"] = "Red",
            ["yellow_follow_up"] = "Yellow",
            ["red_no_follow_up"] = "Red",
            ["red_read_late"] = "Red",
            ["green"] = "Green",
            ["red_follow_up_late"] = "Red",
            ["routine_blue"] = "Blue",
            ["routine_green"] = "Green",
        };
        foreach (var light in new[] { "Green", "Blue", "Yellow", "Red" })
        {
            var listed = await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/info-reports?orgUnitId={app.Demo.Unit("village1")}&light={light}&");
            Assert.All(listed, r => Assert.Equal(light, r.GetProperty("light").GetString()));
            foreach (var (key, id) in ids)
            {
                Assert.True(Ids(listed).Contains(id) == (expected[key] == light), $"{key} in the {light} list: {Ids(listed).Contains(id)}");
            }
        }

        (await app.As("town1").GetAsync("/api/v1/info-reports?light=Purple")).Expect(HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task Bad_input_is_a_400_with_Chinese_field_messages_and_changes_nothing()
    {
        var before = (await app.As("village1").GetAsync("/api/v1/info-reports?box=out&pageSize=1")).Expect(HttpStatusCode.OK).Total;
        var bad = (await app.As("village1").PostAsync("/api/v1/info-reports", new { urgent = true, title = " ", body = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写报送单位。", Assert.Single(bad.FieldErrors("orgUnitId")));
        Assert.Equal("请填写信息类别。", Assert.Single(bad.FieldErrors("category")));
        Assert.Equal("请填写信息标题。", Assert.Single(bad.FieldErrors("title")));
        Assert.Equal("请填写信息内容。", Assert.Single(bad.FieldErrors("body")));
        (await app.As("village1").PostAsync("/api/v1/info-reports", new { orgUnitId = app.Demo.Unit("village1"), category = "Gossip", title = "x", body = "y" })).Expect(HttpStatusCode.BadRequest);
        (await ReportAsync("town1", app.Demo.Unit("village1"), "替村报送")).ExpectProblem(HttpStatusCode.BadRequest, "supervision.report_own_unit");
        (await ReportAsync("center", app.Demo.Unit("county"), "县中心报送")).Expect(HttpStatusCode.Forbidden);
        (await ReportAsync("village2", app.Demo.Unit("village1"), "越权报送")).ExpectProblem(HttpStatusCode.NotFound, "supervision.unit_not_found");
        var month = (await app.As("town1").GetAsync("/api/v1/info-reports/ledger?month=2026-13")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("月份格式应为 yyyy-MM，例如 2026-11。", Assert.Single(month.FieldErrors("month")));

        var id = (await ReportAsync("village1", app.Demo.Unit("village1"), TestData.Name("续报校验"))).Expect(HttpStatusCode.Created).Id;
        var emptyFollowUp = (await app.As("village1").PostAsync($"/api/v1/info-reports/{id}/follow-up", new { body = "  " })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写续报。", Assert.Single(emptyFollowUp.FieldErrors("body")));
        var after = (await app.As("village1").GetAsync($"/api/v1/info-reports/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, after.Json.GetProperty("followUpAt").ValueKind);
        Assert.Equal(before + 1, (await app.As("village1").GetAsync("/api/v1/info-reports?box=out&pageSize=1")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task A_sibling_township_and_two_supervisors_of_different_subtrees_never_see_each_others_units()
    {
        var id = (await ReportAsync("village1", app.Demo.Unit("village1"), TestData.Name("本镇信息"), urgent: false)).Expect(HttpStatusCode.Created).Id;
        var other = (await ReportAsync("village2", app.Demo.Unit("village2"), TestData.Name("清溪信息"), urgent: false)).Expect(HttpStatusCode.Created).Id;
        (await app.As("town2").GetAsync($"/api/v1/info-reports/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.report_not_found");
        (await app.As("town2").PostAsync($"/api/v1/info-reports/{id}/read")).ExpectProblem(HttpStatusCode.NotFound, "supervision.report_not_found");
        (await app.As("village2").GetAsync($"/api/v1/info-reports/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.report_not_found");
        (await app.As("town2").GetAsync($"/api/v1/info-reports?orgUnitId={app.Demo.Unit("village1")}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.unit_not_found");

        var sup1 = await SupervisorAsync("township1");
        var sup2 = await SupervisorAsync("township2");
        (await app.As(sup1, TestData.StrongPassword).GetAsync($"/api/v1/info-reports/{id}")).Expect(HttpStatusCode.OK);
        (await app.As(sup2, TestData.StrongPassword).GetAsync($"/api/v1/info-reports/{id}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.report_not_found");
        (await app.As(sup1, TestData.StrongPassword).GetAsync($"/api/v1/info-reports/{other}")).ExpectProblem(HttpStatusCode.NotFound, "supervision.report_not_found");

        var seen1 = await DemoMap.AllItemsAsync(app.As(sup1, TestData.StrongPassword), "/api/v1/info-reports?");
        var seen2 = await DemoMap.AllItemsAsync(app.As(sup2, TestData.StrongPassword), "/api/v1/info-reports?");
        Assert.Contains(id, Ids(seen1));
        Assert.Contains(other, Ids(seen2));
        var units1 = seen1.Select(r => r.GetProperty("orgUnitId").GetInt64()).ToHashSet();
        var units2 = seen2.Select(r => r.GetProperty("orgUnitId").GetInt64()).ToHashSet();
        Assert.Empty(units1.Intersect(units2));
        Assert.DoesNotContain(app.Demo.Unit("village2"), units1);
        Assert.DoesNotContain(app.Demo.Unit("village1"), units2);

        // The ledger and the supervision tasks follow the same scope.
        var ledger2 = (await app.As(sup2, TestData.StrongPassword).GetAsync("/api/v1/info-reports/ledger")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(ledger2.Json.EnumerateArray(), r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1"));
        var tasks1 = await DemoMap.AllItemsAsync(app.As(sup1, TestData.StrongPassword), "/api/v1/supervision/tasks?");
        var tasks2 = await DemoMap.AllItemsAsync(app.As(sup2, TestData.StrongPassword), "/api/v1/supervision/tasks?");
        Assert.Empty(tasks1.Select(t => t.GetProperty("orgUnitId").GetInt64()).Intersect(tasks2.Select(t => t.GetProperty("orgUnitId").GetInt64())));

        // A supervisor reads, and changes nothing of a report: no receipt, no follow-up.
        (await app.As(sup1, TestData.StrongPassword).PostAsync($"/api/v1/info-reports/{id}/read")).Expect(HttpStatusCode.Forbidden);
        (await app.As(sup1, TestData.StrongPassword).PostAsync($"/api/v1/info-reports/{id}/follow-up", new { body = "督查续报" })).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Ledger_counts_the_month_per_unit_and_exports_it_to_Excel_and_attachments_travel_with_the_report()
    {
        var title = TestData.Name("台账信息");
        var id = (await ReportAsync("village1", app.Demo.Unit("village1"), title, urgent: false, category: "Exemplar")).Expect(HttpStatusCode.Created).Id;
        var attached = await UploadAsync("village1", id, Photo, "现场.png");
        attached.Expect(HttpStatusCode.Created);
        var file = Assert.Single(attached.Json.GetProperty("files").EnumerateArray());
        Assert.Equal("现场.png", file.GetProperty("fileName").GetString());
        (await UploadAsync("town1", id, Photo, "上级.png")).Expect(HttpStatusCode.Forbidden);
        (await UploadAsync("village1", id, "not an image"u8.ToArray(), "x.png")).Expect(HttpStatusCode.BadRequest);
        var seen = (await app.As("town1").GetAsync($"/api/v1/info-reports/{id}")).Expect(HttpStatusCode.OK);
        Assert.Single(seen.Json.GetProperty("files").EnumerateArray());

        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var ledger = (await app.As("town1").GetAsync($"/api/v1/info-reports/ledger?month={month}")).Expect(HttpStatusCode.OK);
        var row = ledger.Json.EnumerateArray().Single(r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1"));
        var list = await DemoMap.AllItemsAsync(app.As("town1"), $"/api/v1/info-reports?orgUnitId={app.Demo.Unit("village1")}&month={month}&");
        Assert.Equal(list.Count, row.GetProperty("total").GetInt32());
        Assert.Equal(list.Count(r => r.GetProperty("readAt").ValueKind == JsonValueKind.Null), row.GetProperty("unread").GetInt32());
        Assert.Equal(list.Count(r => r.GetProperty("light").GetString() == "Red"), row.GetProperty("red").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/info-reports/export?month={month}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("town1"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var sheet = ExcelReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.True(sheet.IsSuccess);
        Assert.Contains(sheet.Value, r => r.Cells.Contains(title));

        // The statistics (and later the assessment) rank townships by reports on time: a share between 0 and 1.
        var ranking = (await app.As("center").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("county")}&level=Township&indicator=reportsOnTime&from={month}-01&to={DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}"))
            .Expect(HttpStatusCode.OK);
        var township1 = ranking.Json.EnumerateArray().Single(r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township1"));
        Assert.InRange(township1.GetProperty("value").GetDecimal(), 0m, 1m);
    }

    private async Task<ApiResponse> UploadAsync(string login, long id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/info-reports/{id}/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST files of {id}");
    }

    private async Task<string> SupervisorAsync(string unitKey)
    {
        var login = TestData.Login("sup");
        (await app.As("center").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "督查", role = "Supervisor", orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created);
        return login;
    }

    /// <summary>Reports with their past written straight into the database (the API stamps "now"): made, read, followed up.</summary>
    private async Task<Dictionary<string, long>> PastReportsAsync(string title, Dictionary<string, (DateTime Made, DateTime? Read, DateTime? FollowUp, bool Urgent)> specs)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var village = await scope.ServiceProvider.GetRequiredService<IOrgDirectory>().FindUnscopedAsync(app.Demo.Unit("village1"));
        var made = new Dictionary<string, InfoReport>();
        foreach (var (key, spec) in specs)
        {
            var report = InfoReport.Create(village!.CountyId!.Value, village.Id, village.ParentId!.Value, InfoReportCategory.Emergency, spec.Urgent, $"{title}-{key}", "边界", null, "village1", spec.Made);
            if (spec.Read is { } read)
            {
                report.MarkRead(null, "town1", read);
            }

            if (spec.FollowUp is { } followUp)
            {
                report.AddFollowUp("已处置", "village1", followUp);
            }

            db.Add(report);
            made[key] = report;
        }

        await db.SaveChangesAsync();
        return made.ToDictionary(m => m.Key, m => m.Value.Id);
    }
}
