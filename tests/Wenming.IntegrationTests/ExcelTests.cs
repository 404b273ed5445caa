using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>
/// Excel import of volunteers and the list exports (issue 3, DESIGN §11), over HTTP like a client: files
/// are real .xlsx built with the platform writer, answers are read back with the platform reader.
/// </summary>
public sealed partial class ExcelTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Headers = ["姓名", "身份证号", "手机号", "所属村（社区）", "技能", "服务区域", "可服务时间", "监护人姓名", "监护人关系", "监护人电话"];

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static int _day;

    /// <summary>Born <paramref name="years"/> years and some days ago, so the age is exactly that (the day keeps test ID numbers unique).</summary>
    private static DateOnly Aged(int years) => Today.AddYears(-years).AddDays(-1 - (Interlocked.Increment(ref _day) % 300));

    private const string Village1 = "桃花村新时代文明实践站";

    private static object?[] Row(string name, string id, string phone, string unit, string? guardianName = null, string? relation = null, string? guardianPhone = null) =>
        [name, id, phone, unit, "摄影", "助老", "周末", guardianName, relation, guardianPhone];

    private static byte[] Workbook(params object?[][] rows) =>
        ExcelWriter.Write(new ExcelSheet("志愿者", Headers, rows.Select(r => (IReadOnlyList<object?>)r).ToList()));

    private async Task<ApiResponse> UploadAsync(string login, byte[] content, string fileName = "志愿者.xlsx", string contentType = ExcelWriter.ContentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/volunteers/imports");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        request.Content = form;
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST /api/v1/volunteers/imports");
    }

    /// <summary>Downloads an export and reads its first sheet back (header row included).</summary>
    private async Task<(IReadOnlyList<ExcelRow> Rows, byte[] Bytes)> DownloadAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(ExcelWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var read = ExcelReader.Read(new MemoryStream(bytes));
        Assert.True(read.IsSuccess, read.Error?.Message);
        return (read.Value, bytes);
    }

    private static void ExpectError(JsonElement result, int row, string column, string message)
    {
        var errors = result.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("row").GetInt32() == row).ToList();
        Assert.True(
            errors.Any(e => e.GetProperty("column").GetString() == column && e.GetProperty("message").GetString() == message),
            $"row {row}: expected [{column}] {message}, got {string.Join(" | ", errors.Select(e => e.ToString()))}");
    }

    private async Task<JsonElement?> VolunteerNamedAsync(string login, string name)
    {
        var found = (await app.As(login).GetAsync($"/api/v1/volunteers?q={Uri.EscapeDataString(name)}")).Expect(HttpStatusCode.OK);
        return found.Items.Count == 0 ? null : Assert.Single(found.Items);
    }

    private async Task<int> PeopleNamedAsync(string name) =>
        (await app.Admin.GetAsync($"/api/v1/people?q={Uri.EscapeDataString(name)}")).Expect(HttpStatusCode.OK).Total;

    [DatabaseFact]
    public async Task Import_MixedRows_ImportsExactlyTheGoodOnes_AndReportsEachBadRowWithItsReason()
    {
        var code = (await app.Admin.GetAsync($"/api/v1/org-units/{app.Demo.Unit("village1")}")).Expect(HttpStatusCode.OK).Text("divisionCode");
        // Registered already (in the county, in village1) but not a volunteer: reused, not registered twice.
        var existingName = TestData.Name("已登记");
        var existingId = TestData.IdNumber(Aged(40));
        var existingPerson = (await app.Admin.PostAsync("/api/v1/people", new { name = existingName, idNumber = existingId, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        // Already a volunteer: refused.
        var volunteerId = TestData.IdNumber(Aged(30));
        var volunteerName = TestData.Name("老志愿者");
        var volunteerPerson = (await app.Admin.PostAsync("/api/v1/people", new { name = volunteerName, idNumber = volunteerId, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync("/api/v1/volunteers", new { personId = volunteerPerson })).Expect(HttpStatusCode.Created);

        var adult = TestData.Name("导入成人");
        var adultId = TestData.IdNumber(Aged(35));
        var minor = TestData.Name("导入少年");
        var guardianPhone = TestData.Phone();
        var badChecksum = TestData.IdNumber(Aged(30));
        badChecksum = badChecksum[..17] + (badChecksum[17] == '1' ? '2' : '1');
        var names = Enumerable.Range(0, 8).Select(i => TestData.Name("导入坏行")).ToArray();
        var file = Workbook(
            Row(adult, adultId, TestData.Phone(), Village1),                                                // 2 good, unit by name
            Row(minor, TestData.IdNumber(Aged(16)), TestData.Phone(), code, "张父", "父亲", guardianPhone),    // 3 good, unit by code, guardian
            Row(names[0], badChecksum, TestData.Phone(), Village1),                                         // 4 bad check character
            Row(names[1], TestData.IdNumber(Aged(30)), "12345", Village1),                                  // 5 bad phone
            Row(names[2], TestData.IdNumber(Aged(13)), TestData.Phone(), Village1, "李母", "母亲", TestData.Phone()), // 6 under 14
            Row(names[3], TestData.IdNumber(Aged(16)), TestData.Phone(), Village1),                         // 7 16 without guardian
            Row(names[4], TestData.IdNumber(Aged(30)), TestData.Phone(), "溪口村新时代文明实践站"),           // 8 outside village1's subtree
            Row(names[5], adultId, TestData.Phone(), Village1),                                             // 9 same ID as row 2
            Row(volunteerName, volunteerId, TestData.Phone(), Village1),                                    // 10 already a volunteer
            Row(existingName, existingId, TestData.Phone(), Village1));                                     // 11 good, person reused

        var response = (await UploadAsync("village1", file)).Expect(HttpStatusCode.OK);

        var result = response.Json;
        Assert.Equal(10, result.GetProperty("total").GetInt32());
        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(7, result.GetProperty("failed").GetInt32());
        Assert.Equal([4, 5, 6, 7, 8, 9, 10], result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).Distinct().Order());
        ExpectError(result, 4, "身份证号", Text.Get("person.id_number_checksum"));
        ExpectError(result, 5, "手机号", Text.Get("person.phone_invalid"));
        ExpectError(result, 6, "身份证号", Text.Get("volunteer.too_young", 14));
        ExpectError(result, 7, "监护人姓名", Text.Get("volunteer.guardian_required"));
        ExpectError(result, 8, "所属村（社区）", Text.Get("Excel.row.unit_not_found"));
        ExpectError(result, 9, "身份证号", Text.Get("Excel.row.duplicate_in_file", 2));
        ExpectError(result, 10, "身份证号", Text.Get("Excel.row.already_volunteer"));
        Assert.All(result.GetProperty("errors").EnumerateArray(), e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.GetProperty("message").GetString()));

        // The good rows are approved volunteers with numbers; the minor has the guardian; the known person was reused.
        var imported = (await VolunteerNamedAsync("village1", adult))!.Value;
        Assert.Equal("Approved", imported.GetProperty("status").GetString());
        Assert.Matches("^339901[0-9]{6}$", imported.GetProperty("volunteerNumber").GetString());
        Assert.Equal(app.Demo.Unit("village1"), imported.GetProperty("orgUnitId").GetInt64());
        Assert.Equal("摄影", imported.GetProperty("skills").GetString());
        var young = (await VolunteerNamedAsync("village1", minor))!.Value;
        Assert.Equal("张父", young.GetProperty("guardian").GetProperty("name").GetString());
        Assert.Equal(guardianPhone, young.GetProperty("guardian").GetProperty("phone").GetString());
        Assert.NotEqual(imported.GetProperty("volunteerNumber").GetString(), young.GetProperty("volunteerNumber").GetString());
        var reused = (await VolunteerNamedAsync("village1", existingName))!.Value;
        Assert.Equal(existingPerson, reused.GetProperty("personId").GetInt64());
        Assert.Equal(1, await PeopleNamedAsync(existingName));
        // Bad rows changed nothing: none of their people was registered.
        foreach (var name in names.Take(6))
        {
            Assert.Equal(0, await PeopleNamedAsync(name));
        }

        // The same file again imports nothing new: every good row is now "already a volunteer".
        var again = (await UploadAsync("village1", file)).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(10, again.GetProperty("failed").GetInt32());
        ExpectError(again, 2, "身份证号", Text.Get("Excel.row.already_volunteer"));
        ExpectError(again, 11, "身份证号", Text.Get("Excel.row.already_volunteer"));
        Assert.Equal(1, await PeopleNamedAsync(adult));
    }

    [DatabaseFact]
    public async Task Import_OfAPersonRegisteredOutsideTheCallersSubtree_IsARowError_AndAnotherNameForAKnownNumberToo()
    {
        var elsewhereId = TestData.IdNumber(Aged(30));
        var elsewhereName = TestData.Name("溪口人");
        (await app.Admin.PostAsync("/api/v1/people", new { name = elsewhereName, idNumber = elsewhereId, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") })).Expect(HttpStatusCode.Created);
        var knownId = TestData.IdNumber(Aged(30));
        var knownName = TestData.Name("桃花人");
        (await app.Admin.PostAsync("/api/v1/people", new { name = knownName, idNumber = knownId, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        var result = (await UploadAsync("village1", Workbook(
            Row(elsewhereName, elsewhereId, TestData.Phone(), Village1),
            Row(TestData.Name("别名"), knownId, TestData.Phone(), Village1)))).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(0, result.GetProperty("imported").GetInt32());
        ExpectError(result, 2, "身份证号", Text.Get("Excel.row.registered_elsewhere"));
        ExpectError(result, 3, "姓名", Text.Get("Excel.row.name_mismatch", knownName));
        Assert.Null(await VolunteerNamedAsync("admin", elsewhereName));
    }

    [DatabaseFact]
    public async Task Import_WhenTheDatabaseRefusesARow_NothingOfTheFileLands()
    {
        // A trigger that fails the insert of one volunteer row, standing in for any database failure after
        // the rows passed every check (a unique conflict raced in, a lost connection). Rows 2 and 3 come
        // first and their people are written before row 4's volunteer fails: all must roll back.
        const string poison = "触发数据库故障";
        await ExecuteAsync(app.Provider == DatabaseProvider.Sqlite
            ? $"""CREATE TRIGGER wm_test_import_fail BEFORE INSERT ON vol_volunteers WHEN NEW."Skills" = '{poison}' BEGIN SELECT RAISE(ABORT, 'test: import failure'); END;"""
            : $"""
               CREATE OR REPLACE FUNCTION wm_test_import_fail() RETURNS trigger AS $$ BEGIN
                 IF NEW."Skills" = '{poison}' THEN RAISE EXCEPTION 'test: import failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER wm_test_import_fail BEFORE INSERT ON vol_volunteers FOR EACH ROW EXECUTE FUNCTION wm_test_import_fail();
               """);
        try
        {
            var names = Enumerable.Range(0, 3).Select(_ => TestData.Name("回滚")).ToArray();
            var poisoned = Row(names[2], TestData.IdNumber(Aged(30)), TestData.Phone(), Village1);
            poisoned[4] = poison;
            var before = (await app.Admin.GetAsync("/api/v1/volunteers")).Expect(HttpStatusCode.OK).Total;

            var refused = await UploadAsync("village1", Workbook(
                Row(names[0], TestData.IdNumber(Aged(30)), TestData.Phone(), Village1),
                Row(names[1], TestData.IdNumber(Aged(16)), TestData.Phone(), Village1, "王父", "父亲", TestData.Phone()),
                poisoned));

            refused.ExpectProblem(HttpStatusCode.Conflict, "Excel.import_failed");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
            foreach (var name in names)
            {
                Assert.Equal(0, await PeopleNamedAsync(name));
            }

            Assert.Equal(before, (await app.Admin.GetAsync("/api/v1/volunteers")).Expect(HttpStatusCode.OK).Total);
        }
        finally
        {
            await ExecuteAsync(app.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER wm_test_import_fail;"
                : "DROP TRIGGER wm_test_import_fail ON vol_volunteers; DROP FUNCTION wm_test_import_fail();");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [DatabaseFact]
    public async Task Import_OfSomethingThatIsNotAnXlsx_Answers400_AndAWorkbookWithoutTheHeaderToo()
    {
        var text = await UploadAsync("village1", "姓名,身份证号\n张三,1101"u8.ToArray(), "志愿者.csv", "text/csv");
        text.ExpectProblem(HttpStatusCode.BadRequest, "Excel.not_xlsx");
        Assert.Equal(Text.Get("Excel.not_xlsx"), Assert.Single(text.FieldErrors("file")));

        var headerless = ExcelWriter.Write(new ExcelSheet("志愿者", ["名字", "证件"], [["张三", "1101"]]));
        var noHeader = await UploadAsync("village1", headerless);
        noHeader.ExpectProblem(HttpStatusCode.BadRequest, "Excel.missing_columns");
        Assert.Contains("身份证号", Assert.Single(noHeader.FieldErrors("file")), StringComparison.Ordinal);

        (await UploadAsync("village1", Workbook())).ExpectProblem(HttpStatusCode.BadRequest, "Excel.empty_file");

        var tooBig = await UploadAsync("village1", new byte[(2 * 1024 * 1024) + 1]);
        tooBig.ExpectProblem(HttpStatusCode.BadRequest, "Excel.file_too_large");
        Assert.Equal(Text.Get("Excel.file_too_large", 2), Assert.Single(tooBig.FieldErrors("file")));

        // 1001 data rows: refused as a whole, with the limit in the message, and none of them imported.
        var name = TestData.Name("超限");
        var many = Enumerable.Range(0, 1001).Select(i => Row(name + "-" + i, TestData.IdNumber(Aged(30)), TestData.Phone(), Village1)).ToArray();
        var tooMany = await UploadAsync("village1", Workbook(many));
        tooMany.ExpectProblem(HttpStatusCode.BadRequest, "Excel.too_many_rows");
        Assert.Equal(Text.Get("Excel.too_many_rows", 1000), Assert.Single(tooMany.FieldErrors("file")));
        Assert.Equal(0, await PeopleNamedAsync(name));
    }

    [DatabaseFact]
    public async Task Import_IsForAdminsOnly()
    {
        var file = Workbook(Row(TestData.Name("无权"), TestData.IdNumber(Aged(30)), TestData.Phone(), Village1));

        (await UploadAsync("supervisor1", file)).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await UploadAsync("volunteer1", file)).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident1").GetAsync("/api/v1/volunteers/import-template")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task Template_HasTheColumnsInChinese_AndAnExplainedExampleOnASecondSheet()
    {
        var (rows, bytes) = await DownloadAsync("village1", "/api/v1/volunteers/import-template");

        Assert.Equal(Headers, Assert.Single(rows).Cells);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["志愿者", "填写说明"], sheets);
        var help = document.WorkbookPart.WorksheetParts.Last().Worksheet.InnerText;
        Assert.Contains("14–17 周岁必填", help, StringComparison.Ordinal);
        Assert.Contains("339901201003150022", help, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")]
    private static partial Regex ClearIdNumber();

    [DatabaseFact]
    public async Task VolunteerExport_HasTheListsRows_NoClearIdNumber_AndAStationAdminGetsOnlyTheirVillage()
    {
        var name = TestData.Name("导出");
        var id = TestData.IdNumber(Aged(30));
        (await UploadAsync("village1", Workbook(Row(name, id, TestData.Phone(), Village1)))).Expect(HttpStatusCode.OK);
        var listed = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/volunteers?");

        var (rows, bytes) = await DownloadAsync("village1", "/api/v1/volunteers/export");

        Assert.Equal(["志愿者编号", "姓名", "身份证号（脱敏）", "手机号", "所属组织", "状态"], rows[0].Cells.Take(6));
        Assert.Equal(listed.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal(Village1, r[4]));
        var mine = Assert.Single(rows, r => r[1] == name);
        Assert.Equal(id[..3] + "***********" + id[^4..], mine[2]);
        Assert.Equal("已通过", mine[5]);
        Assert.DoesNotMatch(ClearIdNumber(), string.Join("\n", rows.SelectMany(r => r.Cells)));
        Assert.DoesNotContain(id, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        // Same filters as the list: pending only, county-wide for the center.
        var pending = await DemoMap.AllItemsAsync(app.As("center"), "/api/v1/volunteers?status=Pending&");
        var (pendingRows, _) = await DownloadAsync("center", "/api/v1/volunteers/export?status=Pending");
        Assert.Equal(pending.Count, pendingRows.Count - 1);
        Assert.All(pendingRows.Skip(1), r => Assert.Equal("待审核", r[5]));
        Assert.Contains(pendingRows, r => r[4] != Village1);
        (await app.As("volunteer1").GetAsync("/api/v1/volunteers/export")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("town1").GetAsync($"/api/v1/volunteers/export?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
    }

    [DatabaseFact]
    public async Task ActivityExport_HasTheListsRows_WithChineseLabels()
    {
        var listed = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/activities?");

        var (rows, _) = await DownloadAsync("village1", "/api/v1/activities/export");

        Assert.Equal(["活动名称", "类别", "所属组织", "地点", "开始时间", "结束时间", "招募人数", "已报名", "候补", "状态"], rows[0].Cells);
        Assert.Equal(listed.Count, rows.Count - 1);
        Assert.True(listed.Count > 0, "the demo village has activities");
        var first = listed[0];
        var row = rows[1];
        Assert.Equal(first.GetProperty("title").GetString(), row[0]);
        Assert.Equal(first.GetProperty("categoryLabel").GetString(), row[1]);
        // Times as China time, the way the API shows them (+08:00).
        Assert.Equal(first.GetProperty("startsAt").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row[4]);
        Assert.Equal(first.GetProperty("capacity").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row[6]);
        Assert.Equal(Text.Get("activity.status." + first.GetProperty("status").GetString()), row[9]);
        (await app.As("resident1").GetAsync("/api/v1/activities/export")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task ServiceRecordExport_FollowsTheReportsFilters_AndScope()
    {
        var name = TestData.Name("时长导出");
        (await UploadAsync("village1", Workbook(Row(name, TestData.IdNumber(Aged(30)), TestData.Phone(), Village1)))).Expect(HttpStatusCode.OK);
        var volunteer = (await VolunteerNamedAsync("village1", name))!.Value.GetProperty("id").GetInt64();
        var day = Today.AddDays(-400);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var record = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", new { date, place = "村广场", content = "=HYPERLINK(\"http://x\")", hours = 2.5m }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/service-records/{record}/confirm")).Expect(HttpStatusCode.OK);

        var (rows, _) = await DownloadAsync("village1", $"/api/v1/service-records/export?from={date}&to={date}");

        var listed = (await app.As("village1").GetAsync($"/api/v1/service-records?from={date}&to={date}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(listed.Total, rows.Count - 1);
        var row = Assert.Single(rows, r => r[1] == name);
        Assert.Equal(date, row[2]);
        Assert.Equal("2.5", row[3]);
        Assert.Equal("=HYPERLINK(\"http://x\")", row[5]);
        Assert.Equal(Village1, row[6]);
        Assert.Equal("已确认", row[7]);
        Assert.All(rows.Skip(1), r => Assert.Equal(date, r[2]));

        // Another village's admin sees none of it; the same filters answer the same errors.
        var (other, _) = await DownloadAsync("village2", $"/api/v1/service-records/export?from={date}&to={date}");
        Assert.DoesNotContain(other, r => r[1] == name);
        (await app.As("town1").GetAsync($"/api/v1/service-records/export?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("supervisor1").GetAsync("/api/v1/service-records/export")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }
}
