using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;

namespace Wenming.IntegrationTests;

/// <summary>
/// <c>Idempotency-Key</c> on retried writes (API.md, ADR 0013), as a phone on a flaky village network meets it:
/// a retry replays the first answer and changes nothing twice, a reused key is refused, a race runs once.
/// </summary>
public sealed class IdempotencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Answer(int Status, string? ContentType, string Body, string? Location, bool Replayed)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public string? Code => Json.TryGetProperty("code", out var code) ? code.GetString() : null;

        public Answer Expect(int status)
        {
            Assert.True(Status == status, $"expected {status} but got {Status}: {Body}");
            return this;
        }
    }

    /// <summary>Sends raw bytes, like a phone app, so two tries carry exactly the same body.</summary>
    private async Task<Answer> PostAsync(string login, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        request.Content = JsonContent.Create(body, body.GetType());
        using var response = await app.Http.SendAsync(request);
        return new Answer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(),
            response.Headers.Location?.ToString(),
            response.Headers.TryGetValues("Idempotency-Replayed", out var replayed) && replayed.Single() == "true");
    }

    private object Order(string description, string phone = "13912345678") => new
    {
        description,
        orgUnitId = app.Demo.Unit("village1"),
        wantedAt = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)),
        contactPhone = phone,
        address = "3组12号",
    };

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task<List<JsonElement>> MyOrdersAsync(string login, string description) =>
        [.. (await DemoMap.AllItemsAsync(app.As(login), "/api/v1/orders/mine?")).Where(o => o.GetProperty("description").GetString() == description)];

    [DatabaseFact]
    public async Task The_same_key_twice_creates_one_order_and_replays_the_first_answer_byte_for_byte()
    {
        var key = NewKey();
        var description = TestData.Name("重试点单");

        var first = await PostAsync("resident1", "/api/v1/orders", Order(description), key);
        var second = await PostAsync("resident1", "/api/v1/orders", Order(description), key);

        Assert.Equal(201, first.Status);
        Assert.False(first.Replayed);
        Assert.Equal(201, second.Status);
        Assert.True(second.Replayed);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(description, second.Json.GetProperty("description").GetString());
        Assert.Single(await MyOrdersAsync("resident1", description));
    }

    [DatabaseFact]
    public async Task Without_the_header_every_request_runs_as_before()
    {
        var description = TestData.Name("不带键点单");

        (await PostAsync("resident1", "/api/v1/orders", Order(description), key: null)).Expect(201);
        var again = await PostAsync("resident1", "/api/v1/orders", Order(description), key: null);

        Assert.Equal(201, again.Status);
        Assert.False(again.Replayed);
        Assert.Equal(2, (await MyOrdersAsync("resident1", description)).Count);
    }

    [DatabaseFact]
    public async Task The_same_key_with_another_request_is_refused_and_changes_nothing()
    {
        var key = NewKey();
        var description = TestData.Name("原来的点单");
        var other = TestData.Name("另一个点单");
        (await PostAsync("resident1", "/api/v1/orders", Order(description), key)).Expect(201);

        var reused = await PostAsync("resident1", "/api/v1/orders", Order(other), key);

        Assert.Equal(409, reused.Status);
        Assert.Equal("application/problem+json", reused.ContentType);
        Assert.Equal("idempotency.key_reused", reused.Code);
        Assert.Contains("已用于另一个不同的请求", reused.Json.GetProperty("detail").GetString());
        Assert.Empty(await MyOrdersAsync("resident1", other));
        Assert.Single(await MyOrdersAsync("resident1", description));
    }

    [DatabaseFact]
    public async Task Ten_simultaneous_requests_with_one_key_create_one_order()
    {
        var key = NewKey();
        var description = TestData.Name("并发点单");
        await app.TokenAsync("resident2");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync("resident2", "/api/v1/orders", Order(description), key)));

        var created = Assert.Single(await MyOrdersAsync("resident2", description));
        var successes = answers.Where(a => a.Status == 201).ToList();
        Assert.NotEmpty(successes);
        Assert.Single(successes, a => !a.Replayed);
        Assert.All(successes, a => Assert.Equal(created.GetProperty("id").GetInt64(), a.Json.GetProperty("id").GetInt64()));
        Assert.All(successes, a => Assert.Equal(successes[0].Body, a.Body));
        Assert.All(answers.Where(a => a.Status != 201), a =>
        {
            Assert.Equal(409, a.Status);
            Assert.Equal("idempotency.in_progress", a.Code);
            Assert.Contains("正在处理中", a.Json.GetProperty("detail").GetString());
        });
    }

    [DatabaseFact]
    public async Task A_key_belongs_to_one_account()
    {
        var key = NewKey();
        var mine = TestData.Name("甲的点单");
        var theirs = TestData.Name("乙的点单");

        var first = await PostAsync("resident3", "/api/v1/orders", Order(mine), key);
        var second = await PostAsync("resident4", "/api/v1/orders", Order(theirs), key);

        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
        Assert.False(second.Replayed);
        Assert.NotEqual(first.Json.GetProperty("id").GetInt64(), second.Json.GetProperty("id").GetInt64());
        Assert.Single(await MyOrdersAsync("resident3", mine));
        Assert.Single(await MyOrdersAsync("resident4", theirs));
    }

    [DatabaseTheory]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("钥匙")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task An_invalid_key_is_a_400_in_Chinese_and_creates_nothing(string key)
    {
        var description = TestData.Name("坏键点单");

        var answer = await PostAsync("resident1", "/api/v1/orders", Order(description), key);

        Assert.Equal(400, answer.Status);
        Assert.Equal("idempotency.key_invalid", answer.Code);
        var message = answer.Json.GetProperty("errors").EnumerateObject().Single().Value[0].GetString();
        Assert.Contains("Idempotency-Key 请求头须为 1–100 个可见英文字符", message);
        Assert.Empty(await MyOrdersAsync("resident1", description));
    }

    [DatabaseFact]
    public async Task A_refused_request_frees_its_key_for_the_corrected_request()
    {
        // Rule (ADR 0013): 4xx answers are not kept — a refused request changed nothing, so the client
        // may fix the input and send it again under the same key; the corrected answer is then kept.
        var key = NewKey();
        var description = TestData.Name("先错后对");

        var refused = await PostAsync("resident1", "/api/v1/orders", Order(description, phone: "12345"), key);
        Assert.Equal(400, refused.Status);
        Assert.Contains("contactPhone", refused.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty(await MyOrdersAsync("resident1", description));

        var corrected = await PostAsync("resident1", "/api/v1/orders", Order(description), key);
        var retried = await PostAsync("resident1", "/api/v1/orders", Order(description), key);

        Assert.Equal(201, corrected.Status);
        Assert.False(corrected.Replayed);
        Assert.True(retried.Replayed);
        Assert.Equal(corrected.Body, retried.Body);
        Assert.Single(await MyOrdersAsync("resident1", description));
    }

    [DatabaseFact]
    public async Task A_retried_enrollment_enrolls_once()
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("报名"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var volunteerId = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{volunteerId}/approve")).Expect(HttpStatusCode.OK);
        var starts = new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddDays(Random.Shared.Next(0, 300));
        var activityId = (await app.Admin.PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = TestData.Name("重试报名活动"),
            category = "PromotePolicy",
            place = "文化大院",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 10,
            description = "政策宣讲",
        })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/activities/{activityId}/publish")).Expect(HttpStatusCode.OK);
        var key = NewKey();

        var first = await PostAsync("village1", $"/api/v1/activities/{activityId}/enrollments", new { volunteerId }, key);
        var retry = await PostAsync("village1", $"/api/v1/activities/{activityId}/enrollments", new { volunteerId }, key);

        Assert.Equal(201, first.Status);
        Assert.Equal(201, retry.Status);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Body, retry.Body);
        var enrollments = (await app.Admin.GetAsync($"/api/v1/activities/{activityId}/enrollments")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Single(enrollments, e => e.GetProperty("volunteerId").GetInt64() == volunteerId);
    }

    [DatabaseFact]
    public async Task An_expired_key_is_swept_and_then_runs_again()
    {
        var key = NewKey();
        var description = TestData.Name("过期键点单");
        (await PostAsync("resident5", "/api/v1/orders", Order(description), key)).Expect(201);

        // Not yet expired: nothing of this key is swept.
        await Jobs.RunOnceAsync<IdempotencyCleanupJob>(app.Factory.Services, DateTime.UtcNow.AddHours(23), CancellationToken.None);
        Assert.True((await PostAsync("resident5", "/api/v1/orders", Order(description), key)).Replayed);

        Assert.True(await Jobs.RunOnceAsync<IdempotencyCleanupJob>(app.Factory.Services, DateTime.UtcNow.AddHours(25), CancellationToken.None) >= 1);
        var after = await PostAsync("resident5", "/api/v1/orders", Order(description), key);

        Assert.Equal(201, after.Status);
        Assert.False(after.Replayed);
        Assert.Equal(2, (await MyOrdersAsync("resident5", description)).Count);
    }
}
