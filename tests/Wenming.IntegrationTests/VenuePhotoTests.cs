using System.Net;
using System.Net.Http.Headers;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// Venue photos (issue 17) through HTTP: the owning unit's admins add up to six and remove them; a bad file, a seventh,
/// or someone else's venue is refused with nothing written; every admin of the county opens them (the venue is
/// county-wide, the file is the owner's), another county gets 404; the venue page and list show them.
/// </summary>
public sealed class VenuePhotoTests(AppFixture app) : IClassFixture<AppFixture>
{
    private long Township1 => app.Demo.Unit("township1");

    private async Task<long> VenueAsync() =>
        (await app.As("town1").PostAsync("/api/v1/venues", new { orgUnitId = Township1, name = TestData.Name("照片场馆"), capacity = 30 }))
            .Expect(HttpStatusCode.Created).Id;

    private static ByteArrayContent Png(int shade)
    {
        var content = new ByteArrayContent(SampleFiles.Png(8, 6, (x, y) => ((byte)shade, (byte)(x * 20), (byte)(y * 30))));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static MultipartFormDataContent Photos(int count, HttpContent? extra = null)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            form.Add(Png(i * 30), "photos", $"room{i}.png");
        }

        if (extra is not null)
        {
            form.Add(extra, "photos", "rules.pdf");
        }

        return form;
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, string login, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        request.Content = content;
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), method + " " + path);
    }

    private async Task<int> PhotoCountAsync(long venue) =>
        (await app.As("town1").GetAsync($"/api/v1/venues/{venue}")).Expect(HttpStatusCode.OK).Json.GetProperty("photos").GetArrayLength();

    [DatabaseFact]
    public async Task TheOwner_AddsPhotos_ThatEveryAdminOfTheCountyOpens_AndRemovesThem()
    {
        var venue = await VenueAsync();

        using (var form = Photos(2))
        {
            var added = (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", form)).Expect(HttpStatusCode.OK);
            Assert.Equal(2, added.Json.GetProperty("photos").GetArrayLength());
        }

        var photos = (await app.As("village2").GetAsync($"/api/v1/venues/{venue}")).Expect(HttpStatusCode.OK).Json.GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(2, photos.Count);
        var url = photos[0].GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/v1/venues/{venue}/photos/", url, StringComparison.Ordinal);
        Assert.Equal("image/png", photos[0].GetProperty("contentType").GetString());

        // The venue is the county's: a village of another township, the center and the supervisor open the owner's file.
        foreach (var reader in new[] { "village2", "town2", "center", "supervisor1" })
        {
            var photo = await app.As(reader).GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, photo.Status);
            Assert.Equal("image/png", photo.ContentType);
        }

        Assert.Contains((await app.As("village2").GetAsync("/api/v1/venues")).Expect(HttpStatusCode.OK).Items,
            v => v.GetProperty("id").GetInt64() == venue && v.GetProperty("photos").GetArrayLength() == 2);

        // Another county sees neither the venue nor its photos; a resident is not an admin.
        var login = TestData.Login("vphoto");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县中心管理员", role = "CenterAdmin", orgUnitId = app.Demo.Unit("county2") }))
            .Expect(HttpStatusCode.Created);
        (await app.As(login, TestData.StrongPassword).GetAsync(url)).ExpectProblem(HttpStatusCode.NotFound, "venue.not_found");
        Assert.NotEqual(HttpStatusCode.OK, (await app.As("resident1").GetAsync(url)).Status);

        // Only the owning unit's admins add or remove: another township's admin is refused and nothing changes.
        using (var form = Photos(1))
        {
            (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town2", form)).Expect(HttpStatusCode.Forbidden);
        }

        var photoId = photos[0].GetProperty("id").GetInt64();
        (await SendAsync(HttpMethod.Delete, $"/api/v1/venues/{venue}/photos/{photoId}", "village2")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(2, await PhotoCountAsync(venue));

        var removed = (await SendAsync(HttpMethod.Delete, $"/api/v1/venues/{venue}/photos/{photoId}", "town1")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, removed.Json.GetProperty("photos").GetArrayLength());
        (await app.As("village2").GetAsync(url)).ExpectProblem(HttpStatusCode.NotFound, "venue.photo_not_found");
        (await SendAsync(HttpMethod.Delete, $"/api/v1/venues/{venue}/photos/{photoId}", "town1")).ExpectProblem(HttpStatusCode.NotFound, "venue.photo_not_found");
    }

    [DatabaseFact]
    public async Task ABadFile_OrOneTooMany_IsRefusedInChinese_AndNothingIsWritten()
    {
        var venue = await VenueAsync();

        // A PDF among good photos: 400, and not even the good ones are kept.
        var pdf = new ByteArrayContent(SampleFiles.Pdf("rules"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using (var form = Photos(2, pdf))
        {
            var refused = (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", form)).ExpectProblem(HttpStatusCode.BadRequest, "venue.photo_not_image");
            Assert.Contains("只能是图片", refused.FieldErrors("photos")[0], StringComparison.Ordinal);
        }

        // Text called .png: not an image by its bytes.
        var fake = new ByteArrayContent("not a picture"u8.ToArray());
        fake.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using (var form = new MultipartFormDataContent { { fake, "photos", "fake.png" } })
        {
            var refused = (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", form)).Expect(HttpStatusCode.BadRequest);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.FieldErrors("photos")[0]);
        }

        Assert.Equal(0, await PhotoCountAsync(venue));

        // Six is the most: four, then three more is one too many.
        using (var form = Photos(4))
        {
            (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", form)).Expect(HttpStatusCode.OK);
        }

        using (var form = Photos(3))
        {
            var refused = (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", form)).ExpectProblem(HttpStatusCode.BadRequest, "venue.photos_too_many");
            Assert.Contains("最多 6 张", refused.FieldErrors("photos")[0], StringComparison.Ordinal);
        }

        Assert.Equal(4, await PhotoCountAsync(venue));
        using (var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } })
        {
            (await SendAsync(HttpMethod.Post, $"/api/v1/venues/{venue}/photos", "town1", empty)).Expect(HttpStatusCode.BadRequest);
        }
    }

    [DatabaseFact]
    public async Task TheVenuePages_ShowThePhotos_AndTheOwnersFormAddsThem()
    {
        var venue = await VenueAsync();
        var owner = await app.SignInToPagesAsync("town1");
        var page = await owner.GetStringAsync($"/venues/{venue}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("data-testid=\"photos-form\"", page, StringComparison.Ordinal);
        using (var post = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { Png(90), "files", "hall.png" } })
        {
            using var posted = await owner.PostAsync($"/venues/{venue}?handler=Photos", post);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        Assert.Equal(1, await PhotoCountAsync(venue));

        // Another township's admin sees the photo on the page and in the list, without the owner's form.
        var other = await app.SignInToPagesAsync("town2");
        var seen = await other.GetStringAsync($"/venues/{venue}");
        Assert.Contains("data-testid=\"venue-photos\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"photos-form\"", seen, StringComparison.Ordinal);
        var src = System.Text.RegularExpressions.Regex.Match(seen, "<img src=\"([^\"]*handler=Photo[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        using (var image = await other.GetAsync(src))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains($"data-testid=\"venue-thumb-{venue}\"", await other.GetStringAsync("/venues"), StringComparison.Ordinal);
    }
}
