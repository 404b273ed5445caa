using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The portal's cache follows the writes it shows (ADR 0056): each case first reads the anonymous portal (so the old
/// answer is cached for its half-minute), then writes, and the very next anonymous request shows the change.
/// </summary>
public sealed class PortalCacheTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _slot;

    private string Village => app.Demo.Unit("village1").ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<long>> PublicIdsAsync(string section) =>
        [.. (await app.Anonymous().GetAsync($"/api/v1/public/{section}?orgUnitId={Village}&pageSize=100")).Expect(HttpStatusCode.OK)
            .Items.Select(i => i.GetProperty("id").GetInt64())];

    private async Task<long> ApprovedArticleAsync(string title)
    {
        var id = (await app.As("village1").PostAsync("/api/v1/articles", new { orgUnitId = app.Demo.Unit("village1"), kind = "Notice", title, body = "请大家准时参加。" }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/submit")).Expect(HttpStatusCode.OK);
        (await app.As("town1").PostAsync($"/api/v1/articles/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    [DatabaseFact]
    public async Task PublishingAndWithdrawingAnArticle_ShowsOnTheNextAnonymousRequest()
    {
        var title = TestData.Name("门户缓存通知");
        var id = await ApprovedArticleAsync(title);
        Assert.DoesNotContain(id, await PublicIdsAsync("articles"));
        Assert.DoesNotContain(title, await app.Http.GetStringAsync($"/portal?unit={Village}"), StringComparison.Ordinal);
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.NotFound);

        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish")).Expect(HttpStatusCode.OK);
        Assert.Contains(id, await PublicIdsAsync("articles"));
        Assert.Contains(title, await app.Http.GetStringAsync($"/portal?unit={Village}"), StringComparison.Ordinal);
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.OK);

        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/withdraw")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(id, await PublicIdsAsync("articles"));
        Assert.DoesNotContain(title, await app.Http.GetStringAsync($"/portal?unit={Village}"), StringComparison.Ordinal);
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnExpiringArticle_LeavesTheCachedListWhenItExpires()
    {
        var id = await ApprovedArticleAsync(TestData.Name("即将过期"));
        (await app.As("village1").PostAsync($"/api/v1/articles/{id}/publish", new { expiresAt = DateTimeOffset.UtcNow.AddSeconds(4) })).Expect(HttpStatusCode.OK);
        Assert.Contains(id, await PublicIdsAsync("articles"));
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.OK);

        // Well inside the cache's half-minute: only the expiry itself can have removed it.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(id, await PublicIdsAsync("articles"));
        (await app.Anonymous().GetAsync($"/api/v1/public/articles/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task PublishingAndCancellingAnActivity_ShowsOnTheNextAnonymousRequest()
    {
        var day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(40 + Interlocked.Increment(ref _slot));
        var starts = new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
        var id = (await app.As("village1").PostAsync("/api/v1/activities", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            title = TestData.Name("缓存活动"),
            category = "CultivateValues",
            place = "村文化礼堂",
            startsAt = starts,
            endsAt = starts.AddHours(2),
            capacity = 20,
        })).Expect(HttpStatusCode.Created).Id;
        Assert.DoesNotContain(id, await PublicIdsAsync("activities"));

        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/publish")).Expect(HttpStatusCode.OK);
        Assert.Contains(id, await PublicIdsAsync("activities"));
        Assert.Contains($"portal-activity-{id}\"", await app.Http.GetStringAsync($"/portal/activities?unit={Village}"), StringComparison.Ordinal);

        (await app.As("village1").PostAsync($"/api/v1/activities/{id}/cancel")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(id, await PublicIdsAsync("activities"));
        Assert.DoesNotContain($"portal-activity-{id}\"", await app.Http.GetStringAsync($"/portal/activities?unit={Village}"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ApprovingAPointsAward_ShowsItsNoticeOnTheNextAnonymousRequest_AndANewServiceItemToo()
    {
        var person = app.Demo.Person("resident1");
        var before = await PublicIdsAsync("points/notices");
        var award = (await app.As("village1").PostAsync("/api/v1/points/awards", new { personId = person, points = 3, reason = "清扫村道", category = "GoodDeed" }))
            .Expect(HttpStatusCode.Created).Id;
        Assert.DoesNotContain(award, before);
        (await app.As("town1").PostAsync($"/api/v1/points/awards/{award}/approve")).Expect(HttpStatusCode.OK);
        Assert.Contains(award, await PublicIdsAsync("points/notices"));

        Assert.NotNull(await PublicIdsAsync("services"));
        var item = (await app.As("village1").PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit("village1"), name = TestData.Name("缓存服务"), category = "Health", description = "上门量血压" }))
            .Expect(HttpStatusCode.Created).Id;
        Assert.Contains(item, await PublicIdsAsync("services"));
    }
}
