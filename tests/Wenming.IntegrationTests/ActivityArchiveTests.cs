using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// Activity archives (DESIGN §4, issue 3): the flow checklist, attachments checked by their bytes,
/// files served safely and only in scope, completeness, archiving, and read-only afterwards.
/// </summary>
public sealed class ActivityArchiveTests(ArchiveApp app) : IClassFixture<ArchiveApp>
{
    /// <summary>The fixtures lower the size limit to this, so "too large" needs no 8 MB upload.</summary>
    public const int MaxBytes = 64 * 1024;

    private static int _slot;

    private static readonly byte[] Photo = SampleFiles.Png(40, 30, (x, y) => ((byte)(x * 6), (byte)(y * 8), 90));

    private static readonly byte[] Sheet = SampleFiles.Pdf("Sign-in sheet", "1. Zhang San");

    private static DateTimeOffset Slot()
    {
        var n = Interlocked.Increment(ref _slot);
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(200 + n);
        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    private async Task<long> PublishedAsync(string unitKey = "village1", long? teamId = null)
    {
        var starts = Slot();
        var id = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit(unitKey),
            teamId,
            title = TestData.Name("档案"),
            category = "CultivateValues",
            place = "文化礼堂",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 20,
        })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>
    /// Moves an activity to Finished in the database. Start and finish (with check-out and hours) are
    /// another slice's endpoints; the archive only needs an activity that has ended, however it got there.
    /// </summary>
    private async Task FinishAsync(long id)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changed = await db.Set<Activity>().IgnoreQueryFilters().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Finished));
        Assert.Equal(1, changed);
    }

    private async Task<HttpResponseMessage> SendAsync(string login, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        return await app.Http.SendAsync(request);
    }

    private async Task<ApiResponse> UploadAsync(long activityId, byte[] bytes, string fileName, string kind, string? caption = null, string by = "village1", string claimedType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        using var response = await SendAsync(by, HttpMethod.Post, $"/api/v1/activities/{activityId}/attachments", form);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST attachments of {activityId}");
    }

    private async Task<JsonElement> ArchiveAsync(long activityId, string by = "village1") =>
        (await app.As(by).GetAsync($"/api/v1/activities/{activityId}/archive")).Expect(HttpStatusCode.OK).Json;

    private Task<ApiResponse> TickAsync(long activityId, string step, bool done = true, string? note = null, string by = "village1") =>
        app.As(by).PostAsync($"/api/v1/activities/{activityId}/checklist/{step}", new { done, note });

    private async Task CompleteAsync(long activityId)
    {
        foreach (var step in Enum.GetNames<ChecklistStep>())
        {
            (await TickAsync(activityId, step)).Expect(HttpStatusCode.OK);
        }

        (await UploadAsync(activityId, Photo, "合影.png", "Photo", "全体合影")).Expect(HttpStatusCode.Created);
        (await UploadAsync(activityId, Sheet, "签到表.pdf", "SignInSheet", claimedType: "application/pdf")).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task NewActivity_HasSixUndoneSteps_NoAttachments_AndSaysWhatIsMissing()
    {
        var id = await PublishedAsync();

        var archive = await ArchiveAsync(id);

        var steps = archive.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["唱响爱国歌曲", "志愿宣誓", "诵读金句", "开展活动", "群众评单", "资料留存"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["SingAnthem", "VolunteerOath", "ReadQuotes", "CarryOut", "PublicReview", "KeepRecords"], steps.Select(s => s.GetProperty("step").GetString()));
        Assert.All(steps, s => Assert.False(s.GetProperty("done").GetBoolean()));
        Assert.Empty(archive.GetProperty("attachments").EnumerateArray());
        Assert.False(archive.GetProperty("complete").GetBoolean());
        Assert.Contains("签到表", archive.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.False((await app.Admin.GetAsync($"/api/v1/activities/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("archiveComplete").GetBoolean());
    }

    [DatabaseFact]
    public async Task Checklist_TickAndUntick_RecordsWhoAndWhen()
    {
        var id = await PublishedAsync();

        var ticked = (await TickAsync(id, "VolunteerOath", note: "全体志愿者宣誓")).Expect(HttpStatusCode.OK).Json;
        var oath = ticked.GetProperty("steps")[1];
        Assert.True(oath.GetProperty("done").GetBoolean());
        Assert.Equal("全体志愿者宣誓", oath.GetProperty("note").GetString());
        Assert.Equal(app.Demo.Account("village1"), oath.GetProperty("doneByUserId").GetInt64());
        Assert.True(DateTimeOffset.UtcNow - oath.GetProperty("doneAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        Assert.False(ticked.GetProperty("steps")[0].GetProperty("done").GetBoolean());

        // By number as well as by name; unticking clears who and when.
        var unticked = (await TickAsync(id, "2", done: false)).Expect(HttpStatusCode.OK).Json.GetProperty("steps")[1];
        Assert.False(unticked.GetProperty("done").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unticked.GetProperty("doneAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, unticked.GetProperty("doneByUserId").ValueKind);
        Assert.False((await ArchiveAsync(id)).GetProperty("steps")[1].GetProperty("done").GetBoolean());
    }

    [DatabaseFact]
    public async Task Checklist_BadStepOrMissingDone_Answers400InChinese_AndChangesNothing()
    {
        var id = await PublishedAsync();

        var badStep = (await TickAsync(id, "Dancing")).ExpectProblem(HttpStatusCode.BadRequest, "activity.checklist_step_invalid");
        Assert.Contains("环节", badStep.FieldErrors("step")[0], StringComparison.Ordinal);
        (await TickAsync(id, "7")).ExpectProblem(HttpStatusCode.BadRequest, "activity.checklist_step_invalid");
        var noDone = (await app.As("village1").PostAsync($"/api/v1/activities/{id}/checklist/SingAnthem", new { note = "只有备注" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写是否完成。", noDone.FieldErrors("done")[0]);
        var longNote = (await TickAsync(id, "SingAnthem", note: new string('长', 201))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("环节备注", longNote.FieldErrors("note")[0], StringComparison.Ordinal);

        Assert.All((await ArchiveAsync(id)).GetProperty("steps").EnumerateArray(), s => Assert.False(s.GetProperty("done").GetBoolean()));
    }

    [DatabaseFact]
    public async Task Upload_ScriptNamedJpg_EmptyFile_TooLarge_BadKind_AreRefusedWith400_AndNothingIsStored()
    {
        var id = await PublishedAsync();

        var script = await UploadAsync(id, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "photo.jpg", "Photo");
        script.ExpectProblem(HttpStatusCode.BadRequest, "file.type_not_allowed");
        Assert.Contains("按文件内容识别", script.FieldErrors("file")[0], StringComparison.Ordinal);

        (await UploadAsync(id, [], "empty.png", "Photo")).ExpectProblem(HttpStatusCode.BadRequest, "file.empty");

        var big = new byte[MaxBytes + 1];
        Photo.CopyTo(big, 0);
        var tooLarge = (await UploadAsync(id, big, "big.png", "Photo")).ExpectProblem(HttpStatusCode.BadRequest, "file.too_large");
        Assert.Equal("文件太大，单个文件不能超过 64 KB。", tooLarge.FieldErrors("file")[0]);

        (await UploadAsync(id, Photo, "ok.png", "Selfie")).ExpectProblem(HttpStatusCode.BadRequest, "activity.attachment_kind_invalid");

        Assert.Empty((await ArchiveAsync(id)).GetProperty("attachments").EnumerateArray());
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<StoredFile>().IgnoreQueryFilters().CountAsync(f => f.FileName == "photo.jpg" || f.FileName == "big.png" || f.FileName == "empty.png"));
    }

    [DatabaseFact]
    public async Task StoredFile_IsServedWithItsRealType_Nosniff_AndADispositionThatRunsNothing()
    {
        var id = await PublishedAsync();
        // Claimed as JPEG by name and header; the bytes are PNG, and PNG is what it is served as.
        var photo = (await UploadAsync(id, Photo, "现场照片.jpg", "Photo", "宣讲现场")).Expect(HttpStatusCode.Created);
        Assert.Equal("image/png", photo.Text("contentType"));
        Assert.Equal(Photo.Length, photo.Json.GetProperty("size").GetInt64());
        Assert.Equal("宣讲现场", photo.Text("caption"));
        var sheet = (await UploadAsync(id, Sheet, "签到表.pdf", "SignInSheet", claimedType: "image/png")).Expect(HttpStatusCode.Created);

        using var image = await SendAsync("village1", HttpMethod.Get, photo.Text("url"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("现场照片.jpg", image.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Photo, await image.Content.ReadAsByteArrayAsync());

        using var pdf = await SendAsync("village1", HttpMethod.Get, sheet.Text("url"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Sheet, await pdf.Content.ReadAsByteArrayAsync());

        var listed = (await ArchiveAsync(id)).GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["Photo", "SignInSheet"], listed.Select(a => a.GetProperty("kind").GetString()));
        using var scope = app.Factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredFile>().IgnoreQueryFilters()
            .SingleAsync(f => f.Id == listed[0].GetProperty("fileId").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Photo)), stored.Sha256);
        Assert.Equal(app.Demo.Unit("village1"), stored.OrgUnitId);
    }

    [DatabaseFact]
    public async Task AnotherVillagesAdmin_GetsNotFound_ForTheFileTheActivityAndItsArchive()
    {
        var id = await PublishedAsync();
        var photo = (await UploadAsync(id, Photo, "p.png", "Photo")).Expect(HttpStatusCode.Created);

        using (var file = await SendAsync("village2", HttpMethod.Get, photo.Text("url")))
        {
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
            Assert.Contains("\"file.not_found\"", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await app.As("village2").GetAsync($"/api/v1/activities/{id}")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await app.As("village2").GetAsync($"/api/v1/activities/{id}/archive")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await TickAsync(id, "SingAnthem", by: "village2")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        (await UploadAsync(id, Photo, "p.png", "Photo", by: "village2")).ExpectProblem(HttpStatusCode.NotFound, "activity.not_found");
        using (var delete = await SendAsync("village2", HttpMethod.Delete, $"/api/v1/activities/{id}/attachments/{photo.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }

        // Above the village: the township and the county see it; a resident of the village may not read staff files.
        using (var town = await SendAsync("town1", HttpMethod.Get, photo.Text("url")))
        {
            Assert.Equal(HttpStatusCode.OK, town.StatusCode);
        }

        using (var resident = await SendAsync("resident1", HttpMethod.Get, photo.Text("url")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        }

        (await app.As("volunteer1").GetAsync($"/api/v1/activities/{id}/archive")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.Single((await ArchiveAsync(id, by: "supervisor1")).GetProperty("attachments").EnumerateArray());
        Assert.Single((await ArchiveAsync(id)).GetProperty("attachments").EnumerateArray());
    }

    [DatabaseFact]
    public async Task TheTeamsLeader_KeepsTheArchive_OfTheirTeamsActivity()
    {
        var teams = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/teams?");
        var teamId = teams.Single(t => t.GetProperty("name").GetString() == "桃花村志愿服务队").GetProperty("id").GetInt64();
        var id = await PublishedAsync(teamId: teamId);
        var other = await PublishedAsync();

        (await TickAsync(id, "CarryOut", by: "leader1")).Expect(HttpStatusCode.OK);
        (await UploadAsync(id, Photo, "p.png", "Photo", by: "leader1")).Expect(HttpStatusCode.Created);
        (await TickAsync(other, "CarryOut", by: "leader1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await TickAsync(id, "CarryOut", by: "volunteer1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [DatabaseFact]
    public async Task Archive_IsRefusedWhileIncomplete_SayingWhatIsMissing_ThenAllowedOnceComplete()
    {
        var id = await PublishedAsync();
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/archive")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
        await FinishAsync(id);
        (await TickAsync(id, "SingAnthem")).Expect(HttpStatusCode.OK);
        (await UploadAsync(id, Photo, "p.png", "Photo")).Expect(HttpStatusCode.Created);

        var refused = (await app.As("village1").PostAsync($"/api/v1/activities/{id}/archive")).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_incomplete");
        var detail = refused.Text("detail");
        Assert.Contains("签到表", detail, StringComparison.Ordinal);
        Assert.Contains("资料留存", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("唱响爱国歌曲", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("活动照片", detail, StringComparison.Ordinal);
        Assert.Equal("Finished", (await app.Admin.GetAsync($"/api/v1/activities/{id}")).Expect(HttpStatusCode.OK).Text("status"));

        await CompleteAsync(id);
        Assert.True((await ArchiveAsync(id)).GetProperty("complete").GetBoolean());
        var listed = (await app.As("village1").GetAsync($"/api/v1/activities?orgUnitId={app.Demo.Unit("village1")}&status=Finished&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.True(listed.Items.Single(a => a.GetProperty("id").GetInt64() == id).GetProperty("archiveComplete").GetBoolean());

        var archived = (await app.As("village1").PostAsync($"/api/v1/activities/{id}/archive")).Expect(HttpStatusCode.OK);
        Assert.Equal("Archived", archived.Text("status"));
        Assert.True(archived.Json.GetProperty("archiveComplete").GetBoolean());
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/archive")).ExpectProblem(HttpStatusCode.Conflict, "activity.invalid_transition");
    }

    [DatabaseFact]
    public async Task RemovingTheOnlySignInSheet_MakesTheArchiveIncompleteAgain_AndDeletesTheFile()
    {
        var id = await PublishedAsync();
        await CompleteAsync(id);
        Assert.True((await app.Admin.GetAsync($"/api/v1/activities/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("archiveComplete").GetBoolean());
        var sheet = (await ArchiveAsync(id)).GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "SignInSheet");

        using (var deleted = await SendAsync("village1", HttpMethod.Delete, $"/api/v1/activities/{id}/attachments/{sheet.GetProperty("id").GetInt64()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var archive = await ArchiveAsync(id);
        Assert.False(archive.GetProperty("complete").GetBoolean());
        Assert.Equal(["签到表"], archive.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.False((await app.Admin.GetAsync($"/api/v1/activities/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("archiveComplete").GetBoolean());
        using var gone = await SendAsync("village1", HttpMethod.Get, sheet.GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [DatabaseFact]
    public async Task AfterArchiving_TheArchiveIsReadOnly_ButStillReadable()
    {
        var id = await PublishedAsync();
        await CompleteAsync(id);
        await FinishAsync(id);
        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/archive")).Expect(HttpStatusCode.OK);
        var photo = (await ArchiveAsync(id)).GetProperty("attachments")[0];

        using (var delete = await SendAsync("village1", HttpMethod.Delete, $"/api/v1/activities/{id}/attachments/{photo.GetProperty("id").GetInt64()}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            Assert.Contains("\"activity.archive_read_only\"", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await UploadAsync(id, Photo, "late.png", "Photo")).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_read_only");
        (await TickAsync(id, "SingAnthem", done: false)).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_read_only");

        var archive = await ArchiveAsync(id);
        Assert.True(archive.GetProperty("complete").GetBoolean());
        Assert.Equal(2, archive.GetProperty("attachments").GetArrayLength());
        using var file = await SendAsync("village1", HttpMethod.Get, photo.GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [DatabaseFact]
    public async Task TheArchive_CannotBeKept_ForADraftOrCancelledActivity()
    {
        var starts = Slot();
        var draft = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = TestData.Name("草稿"),
            category = "StudyTheory",
            place = "村委会",
            startsAt = starts,
            endsAt = starts.AddHours(1),
            capacity = 5,
        })).Expect(HttpStatusCode.Created).Id;

        (await TickAsync(draft, "SingAnthem")).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_not_open");
        (await UploadAsync(draft, Photo, "p.png", "Photo")).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_not_open");
        (await app.Admin.PostAsync($"/api/v1/activities/{draft}/cancel")).Expect(HttpStatusCode.OK);
        (await TickAsync(draft, "SingAnthem")).ExpectProblem(HttpStatusCode.Conflict, "activity.archive_not_open");
    }

    [DatabaseFact]
    public async Task ConcurrentTicksAndUploads_LeaveTheStoredFlagTrue_WhenTheArchiveEndsComplete()
    {
        var id = await PublishedAsync();

        // Every step and both attachments at once: whichever commits last must see all the others.
        var ticks = Enum.GetNames<ChecklistStep>().Select(async s => (await TickAsync(id, s)).Expect(HttpStatusCode.OK));
        var uploads = new[]
        {
            Task.Run(async () => (await UploadAsync(id, Photo, "a.png", "Photo")).Expect(HttpStatusCode.Created)),
            Task.Run(async () => (await UploadAsync(id, Sheet, "b.pdf", "SignInSheet")).Expect(HttpStatusCode.Created)),
        };
        await Task.WhenAll(ticks.Concat(uploads));

        Assert.True((await ArchiveAsync(id)).GetProperty("complete").GetBoolean());
        Assert.True((await app.Admin.GetAsync($"/api/v1/activities/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("archiveComplete").GetBoolean());
    }

    [DatabaseFact]
    public async Task TheDemoCounty_HasAFinishedActivityWithACompleteArchive_AndOneIncomplete()
    {
        var finished = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/activities?orgUnitId={app.Demo.Unit("village1")}&status=Finished&");
        var complete = finished.Single(a => a.GetProperty("title").GetString() == "“爱国歌曲大家唱”主题实践活动");
        var incomplete = finished.Single(a => a.GetProperty("title").GetString() == "垃圾分类入户宣传");
        Assert.True(complete.GetProperty("archiveComplete").GetBoolean());
        Assert.False(incomplete.GetProperty("archiveComplete").GetBoolean());

        var photo = (await ArchiveAsync(complete.GetProperty("id").GetInt64())).GetProperty("attachments")[0];
        using var file = await SendAsync("village1", HttpMethod.Get, photo.GetProperty("url").GetString()!);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FileSniffer.Png, FileSniffer.Sniff(await file.Content.ReadAsByteArrayAsync()));
    }
}

public sealed class ArchiveApp : AppFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Files:MaxBytes"] = ActivityArchiveTests.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
