using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// The last two pieces of issue 15 over HTTP, on both databases: households imported from Excel with a per-row error
/// report (each row all or nothing, only into the caller's villages), and visits logged with photos that only those who
/// may see the event can open.
/// </summary>
public sealed class HouseholdImportAndPhotoTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Headers = ["村（社区）", "门牌地址", "户主身份证号", "其他成员身份证号", "标签", "联系人身份证号"];

    private long Village1 => app.Demo.Unit("village1");

    private static string At(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8)).ToString("O");

    private sealed record Person(long Id, string Name, string IdNumber);

    private async Task<Person> PersonAsync(long unitId, bool partyMember = false)
    {
        var name = TestData.Name("住户");
        var idNumber = TestData.IdNumber();
        var id = (await app.Admin.PostAsync("/api/v1/people", new
        {
            name,
            idNumber,
            phone = TestData.Phone(),
            orgUnitId = unitId,
            politicalStatus = partyMember ? "PartyMember" : "Masses",
        })).Expect(HttpStatusCode.Created).Id;
        return new Person(id, name, idNumber);
    }

    private async Task<ApiClient> LoginForAsync(long personId, long unitId)
    {
        var login = TestData.Login("hh");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "住户账号", role = "Resident", orgUnitId = unitId, personId }))
            .Expect(HttpStatusCode.Created);
        return app.As(login, TestData.StrongPassword);
    }

    private static byte[] Workbook(params object?[][] rows) =>
        ExcelWriter.Write(new ExcelSheet("家庭户", Headers, [.. rows.Select(r => (IReadOnlyList<object?>)r)]));

    private async Task<ApiResponse> SendAsync(string path, string? login, string? password, MultipartFormDataContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login!, password));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        request.Content = form;
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST " + path);
    }

    private async Task<ApiResponse> ImportAsync(string login, byte[] content, string contentType = ExcelWriter.ContentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "家庭户.xlsx");
        return await SendAsync("/api/v1/households/import", login, null, form);
    }

    /// <summary>The households found by the head's name (admin's list), with their members.</summary>
    private async Task<IReadOnlyList<JsonElement>> HouseholdsOfAsync(string headName) =>
        (await app.Admin.GetAsync($"/api/v1/households?q={Uri.EscapeDataString(headName)}")).Expect(HttpStatusCode.OK).Items;

    private static Dictionary<int, List<string>> ByRow(ApiResponse r) =>
        r.Json.GetProperty("errors").EnumerateArray().GroupBy(e => e.GetProperty("row").GetInt32())
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("column").GetString() + "：" + e.GetProperty("message").GetString()).ToList());

    [DatabaseFact]
    public async Task Import_creates_the_good_rows_and_reports_each_bad_row_in_Chinese_with_nothing_half_created()
    {
        var code = (await app.Admin.GetAsync($"/api/v1/org-units/{Village1}")).Expect(HttpStatusCode.OK).Text("divisionCode");
        var head1 = await PersonAsync(Village1);
        var member1 = await PersonAsync(Village1);
        var contact = await PersonAsync(Village1, partyMember: true);
        var head3 = await PersonAsync(Village1);
        var housed = await PersonAsync(Village1);
        (await app.As("village1").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = TestData.Name("已建户"), headPersonId = housed.Id, memberPersonIds = new[] { housed.Id } }))
            .Expect(HttpStatusCode.Created);
        var head5 = await PersonAsync(Village1);
        var head7 = await PersonAsync(Village1);
        var head8 = await PersonAsync(Village1);
        var outside = await PersonAsync(app.Demo.Unit("village2"));
        var masses = await PersonAsync(Village1);
        var head10 = await PersonAsync(Village1);
        var unregistered = TestData.IdNumber();

        var file = Workbook(
            ["桃花村新时代文明实践站", "桃花村村东组88号", head1.IdNumber, $"{member1.IdNumber}、{head1.IdNumber}", "空巢老人、低保", contact.IdNumber], // 2: good
            ["不存在的村", "某地1号", head3.IdNumber, null, null, null], // 3: unknown village
            [code, "桃花村村西组9号", head3.IdNumber, unregistered, null, null], // 4: a member not on the platform: the head stays out too
            [code, "桃花村河湾组2号", housed.IdNumber, null, null, null], // 5: already in a household
            [code, "桃花村山脚组4号", head5.IdNumber, null, "外星人", null], // 6: unknown tag
            [code, "桃花村新村组6号", member1.IdNumber, null, null, null], // 7: the same person as row 2
            [code, "桃花村中心组8号", head7.IdNumber, null, null, null], // 8: good, by division code, nobody else
            [code, "桃花村村东组10号", head8.IdNumber, outside.IdNumber, null, null], // 9: a member outside the station's village
            [code, "桃花村村东组11号", "12345", null, null, null], // 10: not an ID number
            [code, "桃花村村东组12号", head10.IdNumber, null, null, masses.IdNumber]); // 11: contact not a party member
        var result = (await ImportAsync("village1", file)).Expect(HttpStatusCode.OK);

        Assert.Equal(10, result.Json.GetProperty("total").GetInt32());
        Assert.Equal(2, result.Json.GetProperty("imported").GetInt32());
        Assert.Equal(8, result.Json.GetProperty("failed").GetInt32());
        var errors = ByRow(result);
        Assert.Equal([3, 4, 5, 6, 7, 9, 10, 11], errors.Keys.Order());
        Assert.Contains(errors[3], m => m.StartsWith("村（社区）：", StringComparison.Ordinal) && m.Contains("找不到该村", StringComparison.Ordinal));
        Assert.Contains(errors[4], m => m.StartsWith("其他成员身份证号：", StringComparison.Ordinal) && m.Contains("请先登记该人员", StringComparison.Ordinal));
        Assert.DoesNotContain(errors[4], m => m.Contains(unregistered, StringComparison.Ordinal)); // masked, never the clear number
        Assert.Contains(errors[5], m => m.Contains("已在其他家庭户中", StringComparison.Ordinal) && m.Contains(housed.Name, StringComparison.Ordinal));
        Assert.Contains(errors[6], m => m.StartsWith("标签：", StringComparison.Ordinal) && m.Contains("外星人", StringComparison.Ordinal));
        Assert.Contains(errors[7], m => m.Contains("已在第 2 行出现", StringComparison.Ordinal));
        Assert.Contains(errors[9], m => m.Contains("不在您的管辖范围内", StringComparison.Ordinal));
        Assert.Contains(errors[10], m => m.Contains("格式不正确", StringComparison.Ordinal));
        Assert.Contains(errors[11], m => m.StartsWith("联系人身份证号：", StringComparison.Ordinal) && m.Contains("党员", StringComparison.Ordinal));

        // The good rows are whole households: members, tags, contact; the month's visit of 空巢老人 is asked for at once.
        var first = Assert.Single(await HouseholdsOfAsync(head1.Name));
        Assert.Equal(head1.Id, first.GetProperty("headPersonId").GetInt64());
        Assert.Equal([head1.Id, member1.Id], first.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetInt64()).Order());
        Assert.Equal(["EmptyNestElder", "SubsistenceAllowance"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(contact.Id, first.GetProperty("contactPersonId").GetInt64());
        Assert.Single((await app.As("village1").GetAsync($"/api/v1/household-events?householdId={first.GetProperty("id").GetInt64()}")).Expect(HttpStatusCode.OK).Items);
        Assert.Single(await HouseholdsOfAsync(head7.Name));

        // Bad rows left nothing behind: no household, and their people are still free to be put in one.
        foreach (var p in new[] { head3, head5, head8, head10 })
        {
            Assert.Empty(await HouseholdsOfAsync(p.Name));
        }

        (await app.As("village1").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = TestData.Name("补建户"), headPersonId = head3.Id, memberPersonIds = new[] { head3.Id, head5.Id } }))
            .Expect(HttpStatusCode.Created);

        // The import is in the audit log.
        var audit = (await app.Admin.GetAsync("/api/v1/audit-entries?entityType=HouseholdImport")).Expect(HttpStatusCode.OK);
        Assert.NotEmpty(audit.Items);
    }

    [DatabaseFact]
    public async Task Import_goes_only_into_the_callers_villages_and_bad_files_are_a_Chinese_400()
    {
        var code = (await app.Admin.GetAsync($"/api/v1/org-units/{Village1}")).Expect(HttpStatusCode.OK).Text("divisionCode");
        var head = await PersonAsync(Village1);
        var file = Workbook([code, "桃花村村东组99号", head.IdNumber, null, null, null]);

        // Another village's station and another township find neither the village nor the person; a resident may not import.
        foreach (var login in new[] { "village2", "town2" })
        {
            var refused = (await ImportAsync(login, file)).Expect(HttpStatusCode.OK);
            Assert.Equal(0, refused.Json.GetProperty("imported").GetInt32());
            Assert.Contains(ByRow(refused)[2], m => m.Contains("不在您的管辖范围内", StringComparison.Ordinal));
        }

        (await ImportAsync("resident1", file)).Expect(HttpStatusCode.Forbidden);
        Assert.Empty(await HouseholdsOfAsync(head.Name));

        // Not a workbook, no file, or a sheet without the template's columns: 400 on the field file, in Chinese, nothing written.
        var notExcel = (await ImportAsync("village1", "姓名,身份证号"u8.ToArray(), "text/csv")).ExpectProblem(HttpStatusCode.BadRequest, "Excel.not_xlsx");
        Assert.Contains("无法读取该文件", notExcel.FieldErrors("file")[0], StringComparison.Ordinal);
        using (var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } })
        {
            (await SendAsync("/api/v1/households/import", "village1", null, empty)).ExpectProblem(HttpStatusCode.BadRequest, "Excel.file_required");
        }

        var wrongColumns = ExcelWriter.Write(new ExcelSheet("家庭户", ["地址", "户主"], [["某地", head.IdNumber]]));
        var missing = (await ImportAsync("village1", wrongColumns)).ExpectProblem(HttpStatusCode.BadRequest, "Excel.missing_columns");
        Assert.Contains("户主身份证号", missing.FieldErrors("file")[0], StringComparison.Ordinal);

        // The township above imports into its village; the template downloads.
        Assert.Equal(1, (await ImportAsync("town1", file)).Expect(HttpStatusCode.OK).Json.GetProperty("imported").GetInt32());
        Assert.Single(await HouseholdsOfAsync(head.Name));
        using var template = new HttpRequestMessage(HttpMethod.Get, "/api/v1/households/import-template");
        template.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
        template.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var downloaded = await app.Http.SendAsync(template);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        var rows = ExcelReader.Read(new MemoryStream(await downloaded.Content.ReadAsByteArrayAsync())).Value;
        Assert.Equal(Headers, rows[0].Cells);
    }

    private static ByteArrayContent Png(int shade)
    {
        var content = new ByteArrayContent(SampleFiles.Png(8, 6, (x, y) => ((byte)shade, (byte)(x * 20), (byte)(y * 30))));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static MultipartFormDataContent VisitForm(string note, int photos, HttpContent? extra = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(At(DateTimeOffset.UtcNow)), "visitedAt" },
            { new StringContent(note), "note" },
        };
        for (var i = 0; i < photos; i++)
        {
            form.Add(Png(i * 30), "photos", $"photo{i}.png");
        }

        if (extra is not null)
        {
            form.Add(extra, "photos", "notes.pdf");
        }

        return form;
    }

    [DatabaseFact]
    public async Task A_visit_from_the_phone_carries_photos_that_only_those_who_see_the_event_can_open()
    {
        var head = await PersonAsync(Village1);
        var member = await PersonAsync(Village1);
        var keeper = await PersonAsync(Village1, partyMember: true);
        var id = (await app.As("village1").PostAsync("/api/v1/households", new { orgUnitId = Village1, address = TestData.Name("照片户"), headPersonId = head.Id, memberPersonIds = new[] { head.Id, member.Id } }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PutAsync($"/api/v1/households/{id}/contact-person", new { personId = keeper.Id })).Expect(HttpStatusCode.OK);
        var keeperLogin = TestData.Login("hhk");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login = keeperLogin, password = TestData.StrongPassword, displayName = "联系人", role = "Resident", orgUnitId = app.Demo.Unit("village1-sibling"), personId = keeper.Id }))
            .Expect(HttpStatusCode.Created);
        var contact = app.As(keeperLogin, TestData.StrongPassword);
        var eventId = (await contact.PostAsync($"/api/v1/households/{id}/events", new { kind = "Illness", occurredOn = At(DateTimeOffset.UtcNow.AddHours(-3)), description = "老人住院" }))
            .Expect(HttpStatusCode.Created).Id;

        // Seven photos, or a PDF among them: 400 in Chinese, and the event is still waiting for its visit.
        using (var tooMany = VisitForm("带了七张照片", 7))
        {
            var refused = (await SendAsync($"/api/v1/household-events/{eventId}/visits", keeperLogin, TestData.StrongPassword, tooMany)).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
            Assert.Contains("最多上传 6 张", refused.FieldErrors("photos")[0], StringComparison.Ordinal);
        }

        var pdf = new ByteArrayContent(SampleFiles.Pdf("visit notes"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using (var notImage = VisitForm("夹了一份 PDF", 1, pdf))
        {
            var refused = (await SendAsync($"/api/v1/household-events/{eventId}/visits", keeperLogin, TestData.StrongPassword, notImage)).ExpectProblem(HttpStatusCode.BadRequest, "household.photo_not_image");
            Assert.Contains("只能是图片", refused.FieldErrors("photos")[0], StringComparison.Ordinal);
        }

        var unchanged = (await contact.GetAsync($"/api/v1/household-events/{eventId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Open", unchanged.Text("status"));
        Assert.Empty(unchanged.Json.GetProperty("visits").EnumerateArray());

        // Two photos from the contact person's phone: the visit closes the event and lists them.
        ApiResponse visited;
        using (var form = VisitForm("到医院探望，拍了两张照片", 2))
        {
            visited = (await SendAsync($"/api/v1/household-events/{eventId}/visits", keeperLogin, TestData.StrongPassword, form)).Expect(HttpStatusCode.OK);
        }

        Assert.Equal("Visited", visited.Text("status"));
        var photos = visited.Json.GetProperty("visits")[0].GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(2, photos.Count);
        var url = photos[0].GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/v1/household-events/{eventId}/photos/", url, StringComparison.Ordinal);

        // The contact person, the station and the township open it; the household's own member, another resident, another
        // village's station and the supervisor get 404 — the event is not theirs to see.
        foreach (var reader in new[] { contact, app.As("village1"), app.As("town1") })
        {
            var photo = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, photo.Status);
            Assert.Equal("image/png", photo.ContentType);
        }

        var memberLogin = await LoginForAsync(member.Id, Village1);
        foreach (var stranger in new[] { memberLogin, app.As("resident2"), app.As("village2"), app.As("town2") })
        {
            (await stranger.GetAsync(url)).ExpectProblem(HttpStatusCode.NotFound, "household.event_not_found");
        }

        // A photo id of another event is not served through this one.
        (await app.As("village1").GetAsync($"/api/v1/household-events/{eventId}/photos/{photos[0].GetProperty("id").GetInt64() + 100000}")).ExpectProblem(HttpStatusCode.NotFound, "household.photo_not_found");

        // The event page shows the thumbnails to the station; the page's photo link is refused to another village's admin.
        var station = await app.SignInToPagesAsync("village1");
        var page = await station.GetStringAsync($"/households/events/{eventId}");
        Assert.Contains($"data-testid=\"visit-photos-{visited.Json.GetProperty("visits")[0].GetProperty("id").GetInt64()}\"", page, StringComparison.Ordinal);
        var links = System.Text.RegularExpressions.Regex.Matches(page, "<img src=\"([^\"]*handler=Photo[^\"]*)\"").Select(m => m.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, links.Count);
        var pageUrl = links[0];
        Assert.StartsWith($"/households/events/{eventId}?", pageUrl, StringComparison.Ordinal);
        using (var own = await station.GetAsync(pageUrl))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("image/png", own.Content.Headers.ContentType?.MediaType);
        }

        var other = await app.SignInToPagesAsync("village2");
        using var refusedPage = await other.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.NotFound, refusedPage.StatusCode);

        // The event page's own form takes photos too (the station's follow-up from a desktop or phone).
        var second = (await app.As("village1").PostAsync($"/api/v1/households/{id}/events", new { kind = "Dispute", occurredOn = At(DateTimeOffset.UtcNow.AddHours(-1)), description = "邻里纠纷" }))
            .Expect(HttpStatusCode.Created).Id;
        var formPage = await station.GetStringAsync($"/households/events/{second}");
        var token = System.Text.RegularExpressions.Regex.Match(formPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var post = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(second.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Visit.EventId" },
            { new StringContent(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)), "Visit.VisitedAt" },
            { new StringContent("现场调解，拍照留存"), "Visit.Note" },
            { Png(200), "photos", "scene.png" },
        })
        {
            using var posted = await station.PostAsync($"/households/events/{second}", post);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var logged = (await app.As("village1").GetAsync($"/api/v1/household-events/{second}")).Expect(HttpStatusCode.OK);
        Assert.Single(logged.Json.GetProperty("visits")[0].GetProperty("photos").EnumerateArray());

        // A JSON visit without photos still works as API.md has it.
        var follow = (await contact.PostAsync($"/api/v1/household-events/{eventId}/visits", new { visitedAt = At(DateTimeOffset.UtcNow), note = "电话回访" })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, follow.Json.GetProperty("visitCount").GetInt32());
        Assert.Empty(follow.Json.GetProperty("visits")[1].GetProperty("photos").EnumerateArray());
    }
}
