using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// Photos on order completion (issue 4) over HTTP: the serving leader attaches them while the order is
/// accepted, the file store's checks apply, nine at most, removable until the report; whoever may see
/// the order — the resident who ordered too — sees and downloads them through the order's own route.
/// </summary>
public sealed class OrderPhotoTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = SampleFiles.Png(30, 20, (x, y) => ((byte)(x * 8), (byte)(y * 12), 60));

    private readonly OrderTestKit _kit = new(app);

    /// <summary>An order of resident1 at village1, dispatched to and accepted by the demo team of leader1.</summary>
    private async Task<long> AcceptedAsync()
    {
        var id = await _kit.SubmittedAsync();
        var (team, _) = await _kit.DemoTeamAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team })).Expect(HttpStatusCode.OK);
        (await app.As("leader1").PostAsync($"/api/v1/orders/{id}/accept")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task CompleteAsync(long id)
    {
        var (_, leaderVolunteer) = await _kit.DemoTeamAsync();
        (await app.As("leader1").PostAsync($"/api/v1/orders/{id}/complete", new { summary = "已上门打扫并更换灯泡", servedBy = new[] { new { volunteerId = leaderVolunteer, hours = 2m } } }))
            .Expect(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> SendAsync(string login, HttpMethod method, string path, HttpContent? content = null, string? password = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login, password));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        return await app.Http.SendAsync(request);
    }

    private async Task<ApiResponse> UploadAsync(long orderId, byte[] bytes, string by = "leader1", string fileName = "服务现场.png", string? caption = null, string? password = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        // The client's claim; the store decides by the bytes.
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        using var response = await SendAsync(by, HttpMethod.Post, $"/api/v1/orders/{orderId}/photos", form, password);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST photos of {orderId} as {by}");
    }

    private async Task<List<JsonElement>> PhotosAsync(long orderId, string by = "admin") =>
        [.. (await _kit.GetAsync(orderId, by)).Expect(HttpStatusCode.OK).Json.GetProperty("photos").EnumerateArray()];

    private async Task<int> StoredFilesAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredFile>().CountAsync();
    }

    [DatabaseFact]
    public async Task Leader_AttachesPhoto_AndTheRequesterSeesAndDownloadsIt()
    {
        var id = await AcceptedAsync();

        var added = (await UploadAsync(id, Photo, caption: "打扫后的厨房")).Expect(HttpStatusCode.Created);

        Assert.Equal("image/png", added.Text("contentType"));
        Assert.Equal(Photo.Length, added.Json.GetProperty("size").GetInt64());
        Assert.Equal("打扫后的厨房", added.Text("caption"));
        Assert.Equal($"/api/v1/orders/{id}/photos/{added.Id}", added.Text("url"));
        Assert.True(added.Number("fileId") > 0);
        Assert.True(added.Json.TryGetProperty("uploadedAt", out _));

        // The resident who ordered sees it on the order …
        var seen = Assert.Single(await PhotosAsync(id, by: "resident1"));
        Assert.Equal(added.Id, seen.GetProperty("id").GetInt64());

        // … and downloads the very bytes, typed by them, shown inline and never sniffed.
        using var download = await SendAsync("resident1", HttpMethod.Get, added.Text("url"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);

        // The generic file route stays staff-only (ADR 0008): the order's route is the resident's way in.
        using var generic = await SendAsync("resident1", HttpMethod.Get, $"/api/v1/files/{added.Number("fileId")}");
        Assert.Equal(HttpStatusCode.Forbidden, generic.StatusCode);
    }

    [DatabaseFact]
    public async Task Upload_IsRefused_ForTheResident_AnotherTeamsLeader_AndAnotherVillage_AndNothingIsStored()
    {
        var id = await AcceptedAsync();
        var other = await _kit.TeamAsync("village2");
        var before = await StoredFilesAsync();

        (await UploadAsync(id, Photo, by: "resident1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await UploadAsync(id, Photo, by: other.LeaderLogin, password: TestData.StrongPassword)).ExpectProblem(HttpStatusCode.NotFound, "order.not_found");
        (await UploadAsync(id, Photo, by: "village2")).ExpectProblem(HttpStatusCode.NotFound, "order.not_found");

        Assert.Empty(await PhotosAsync(id));
        Assert.Equal(before, await StoredFilesAsync());
    }

    [DatabaseFact]
    public async Task OtherVillage_CannotDownloadThePhoto()
    {
        var id = await AcceptedAsync();
        var added = (await UploadAsync(id, Photo)).Expect(HttpStatusCode.Created);

        using var response = await SendAsync("village2", HttpMethod.Get, added.Text("url"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("PNG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task WrongMagicBytes_Is400WithAChineseMessage_AndNothingIsStored()
    {
        var id = await AcceptedAsync();
        var before = await StoredFilesAsync();

        // An HTML page named like a photo.
        var fake = (await UploadAsync(id, "<html><script>alert(1)</script></html>"u8.ToArray(), fileName: "photo.jpg"))
            .ExpectProblem(HttpStatusCode.BadRequest, "file.type_not_allowed");

        Assert.NotEmpty(fake.FieldErrors("file"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", fake.FieldErrors("file")[0]);
        (await UploadAsync(id, [])).ExpectProblem(HttpStatusCode.BadRequest, "file.empty");
        // A PDF passes the file store but is no photo.
        var pdf = (await UploadAsync(id, SampleFiles.Pdf("receipt"), fileName: "收据.pdf")).ExpectProblem(HttpStatusCode.BadRequest, "order.photo_not_image");
        Assert.Contains("图片", pdf.FieldErrors("file")[0], StringComparison.Ordinal);
        (await UploadAsync(id, Photo, caption: new string('长', 101))).ExpectProblem(HttpStatusCode.BadRequest, "validation.too_long");
        Assert.Empty(await PhotosAsync(id));
        Assert.Equal(before, await StoredFilesAsync());
    }

    [DatabaseFact]
    public async Task TheTenthPhoto_IsRefused()
    {
        var id = await AcceptedAsync();
        for (var i = 0; i < 9; i++)
        {
            (await UploadAsync(id, Photo, fileName: $"{i}.png")).Expect(HttpStatusCode.Created);
        }

        var tenth = (await UploadAsync(id, Photo)).ExpectProblem(HttpStatusCode.Conflict, "order.photos_full");

        Assert.Contains("9", tenth.Json.GetProperty("detail").GetString() ?? tenth.Body, StringComparison.Ordinal);
        Assert.Equal(9, (await PhotosAsync(id)).Count);
    }

    [DatabaseFact]
    public async Task Photos_AreRemovableBeforeCompletion_AndFixedAfterIt()
    {
        var id = await AcceptedAsync();
        var first = (await UploadAsync(id, Photo, fileName: "a.png")).Expect(HttpStatusCode.Created);
        var second = (await UploadAsync(id, Photo, fileName: "b.png")).Expect(HttpStatusCode.Created);
        var before = await StoredFilesAsync();

        using (var removed = await SendAsync("leader1", HttpMethod.Delete, $"/api/v1/orders/{id}/photos/{first.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        // The stored file goes with the photo.
        Assert.Equal(before - 1, await StoredFilesAsync());
        Assert.Equal([second.Id], (await PhotosAsync(id)).Select(p => p.GetProperty("id").GetInt64()));
        using (var gone = await SendAsync("resident1", HttpMethod.Get, first.Text("url")))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // The resident may not remove them.
        using (var byResident = await SendAsync("resident1", HttpMethod.Delete, $"/api/v1/orders/{id}/photos/{second.Id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
        }

        await CompleteAsync(id);

        using (var late = await SendAsync("leader1", HttpMethod.Delete, $"/api/v1/orders/{id}/photos/{second.Id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Contains("order.photos_closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await UploadAsync(id, Photo)).ExpectProblem(HttpStatusCode.Conflict, "order.photos_closed");
        Assert.Single(await PhotosAsync(id, by: "resident1"));
    }

    [DatabaseFact]
    public async Task ManagingAdmin_MayAttach_ButNotBeforeTheOrderIsAccepted()
    {
        var submitted = await _kit.SubmittedAsync();
        (await UploadAsync(submitted, Photo, by: "village1")).ExpectProblem(HttpStatusCode.Conflict, "order.photos_closed");

        var id = await AcceptedAsync();
        (await UploadAsync(id, Photo, by: "village1")).Expect(HttpStatusCode.Created);
        Assert.Single(await PhotosAsync(id, by: "leader1"));
    }
}
