using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// 包镇联村 and 阵地标准 over HTTP (issue 13, RULES.md): the county links a leader, the leader logs visits with photos, a
/// township sees its own and a sibling does not, the leader's "mine" is their own; the monthly light turns at the China
/// month boundary; a problem becomes one 督办 task even when sent many times at once; a station states its checklist,
/// townships and the county inspect it, the history and the latest score show, and the statistics' siteScore follows;
/// bad input is a 400 in Chinese that changes nothing; every write is audited; the home cards say it.
/// </summary>
public sealed partial class FieldworkTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = SampleFiles.Png(30, 20, (x, y) => ((byte)(x * 8), (byte)(y * 9), 120));

    private static string ChinaToday(int days = 0) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(string Login, long Id)> AccountAsync(string role, string unitKey)
    {
        var login = TestData.Login(role == "Supervisor" ? "leader" : "station");
        var created = (await app.As("center").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "县领导" + login, role, orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created);
        return (login, created.Id);
    }

    private async Task<(string Login, long Id)> LinkedLeaderAsync(string unitKey)
    {
        var leader = await AccountAsync("Supervisor", "county");
        (await app.As("center").PostAsync("/api/v1/leader-links", new { leaderUserId = leader.Id, orgUnitId = app.Demo.Unit(unitKey) })).Expect(HttpStatusCode.Created);
        return leader;
    }

    private Task<ApiResponse> VisitAsync(string login, string unitKey, string found, string? on = null) =>
        app.As(login, TestData.StrongPassword).PostAsync("/api/v1/leader-visits", new { orgUnitId = app.Demo.Unit(unitKey), visitedOn = on ?? ChinaToday(), place = "村委会", found });

    private static List<long> Ids(IEnumerable<JsonElement> items) => [.. items.Select(t => t.GetProperty("id").GetInt64())];

    [DatabaseFact]
    public async Task County_links_a_leader_who_logs_visits_a_township_sees_its_own_and_a_sibling_does_not()
    {
        var leader = await LinkedLeaderAsync("township1");
        var center = app.As("center");

        // The same link again, a link by a township, a resident as leader, a unit of another county: refused, nothing added.
        (await center.PostAsync("/api/v1/leader-links", new { leaderUserId = leader.Id, orgUnitId = app.Demo.Unit("township1") })).ExpectProblem(HttpStatusCode.Conflict, "fieldwork.link_exists");
        (await app.As("town1").PostAsync("/api/v1/leader-links", new { leaderUserId = leader.Id, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Forbidden);
        var notLeader = (await center.PostAsync("/api/v1/leader-links", new { leaderUserId = app.Demo.Account("resident1"), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不能作为联系领导", notLeader.FieldErrors("leaderUserId")[0], StringComparison.Ordinal);
        (await center.PostAsync("/api/v1/leader-links", new { leaderUserId = leader.Id, orgUnitId = app.Demo.Unit("county2-village") })).Expect(HttpStatusCode.NotFound);
        var links = (await center.GetAsync($"/api/v1/leader-links?leaderUserId={leader.Id}")).Expect(HttpStatusCode.OK);
        Assert.Single(links.Json.EnumerateArray());

        // Bad input: a 400 with Chinese messages per field, and nothing written.
        var empty = (await app.As(leader.Login, TestData.StrongPassword).PostAsync("/api/v1/leader-visits", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写走访单位。", empty.FieldErrors("orgUnitId")[0]);
        Assert.Equal("请填写走访日期。", empty.FieldErrors("visitedOn")[0]);
        Assert.Equal("请填写走访地点。", empty.FieldErrors("place")[0]);
        Assert.Equal("请填写发现情况。", empty.FieldErrors("found")[0]);
        var future = (await VisitAsync(leader.Login, "village1", "明天的走访", ChinaToday(2))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("走访日期不能晚于今天。", future.FieldErrors("visitedOn")[0]);
        var elsewhere = (await VisitAsync(leader.Login, "township2-other-village", "未联系的村")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("未联系该单位", elsewhere.FieldErrors("orgUnitId")[0], StringComparison.Ordinal);
        var none = (await app.As(leader.Login, TestData.StrongPassword).GetAsync("/api/v1/leader-visits?mine=true")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.Total);

        // A village under the linked township, with a photo from the phone.
        var found = TestData.Name("村道路灯损坏");
        var visit = (await VisitAsync(leader.Login, "village1", found)).Expect(HttpStatusCode.Created);
        Assert.Equal(app.Demo.Unit("village1"), visit.Number("orgUnitId"));
        var withPhoto = (await UploadAsync(leader.Login, TestData.StrongPassword, $"/api/v1/leader-visits/{visit.Id}/photos", Photo)).Expect(HttpStatusCode.OK);
        Assert.Single(withPhoto.Json.GetProperty("photos").EnumerateArray());
        (await UploadAsync("town1", AppFixture.DemoPassword, $"/api/v1/leader-visits/{visit.Id}/photos", Photo)).Expect(HttpStatusCode.Forbidden);

        // Scope: township1 sees it, township2 does not (404 by id too); the leader's own list holds only their own; supervisor1's does not hold it.
        Assert.Contains(visit.Id, Ids(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/leader-visits?")));
        Assert.DoesNotContain(visit.Id, Ids(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/leader-visits?")));
        (await app.As("town2").GetAsync($"/api/v1/leader-visits/{visit.Id}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(leader.Id, (await app.As("town2").GetAsync("/api/v1/leader-links")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(l => l.GetProperty("leaderUserId").GetInt64()));
        var mine = await DemoMap.AllItemsAsync(app.As(leader.Login, TestData.StrongPassword), "/api/v1/leader-visits?mine=true&");
        Assert.Equal([visit.Id], Ids(mine));
        Assert.DoesNotContain(visit.Id, Ids(await DemoMap.AllItemsAsync(app.As("supervisor1"), "/api/v1/leader-visits?mine=true&")));

        // The county's overview: the leader is green this month.
        var overview = (await center.GetAsync("/api/v1/leader-links/overview?months=3")).Expect(HttpStatusCode.OK);
        var row = overview.Json.EnumerateArray().Single(r => r.GetProperty("leaderUserId").GetInt64() == leader.Id);
        Assert.Equal("Green", row.GetProperty("currentLight").GetString());
        Assert.Equal(3, row.GetProperty("months").GetArrayLength());
        (await center.GetAsync("/api/v1/leader-links/overview?months=13")).Expect(HttpStatusCode.BadRequest);

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=LeaderVisit&entityId={visit.Id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == leader.Login);
        var linkEntries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=LeaderLink&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(linkEntries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "center");
    }

    [DatabaseFact]
    public async Task A_problem_found_becomes_one_supervision_task_of_the_visited_unit_even_when_sent_many_times_at_once()
    {
        var leader = await LinkedLeaderAsync("township1");
        var found = TestData.Name("农家书屋未按时开放");
        var visit = (await VisitAsync(leader.Login, "village1", found)).Expect(HttpStatusCode.Created);
        var client = app.As(leader.Login, TestData.StrongPassword);

        // Without a due time: the task form's own 400, and the visit can still become a task afterwards.
        var noDue = (await client.PostAsync($"/api/v1/leader-visits/{visit.Id}/task", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noDue.FieldErrors("dueAt"));
        // Another leader may not turn this leader's visit into a task.
        var other = await LinkedLeaderAsync("township1");
        (await app.As(other.Login, TestData.StrongPassword).PostAsync($"/api/v1/leader-visits/{visit.Id}/task", new { dueAt = DateTimeOffset.UtcNow.AddDays(7) })).Expect(HttpStatusCode.Forbidden);

        await app.TokenAsync(leader.Login, TestData.StrongPassword);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync($"/api/v1/leader-visits/{visit.Id}/task", new { dueAt = DateTimeOffset.UtcNow.AddDays(7) })));
        var ok = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != ok), a => a.ExpectProblem(HttpStatusCode.Conflict, "fieldwork.task_exists"));
        var taskId = ok.Number("taskId");

        var task = (await app.As("village1").GetAsync($"/api/v1/supervision/tasks/{taskId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("village1"), task.Number("orgUnitId"));
        Assert.Contains(found, task.Text("description"), StringComparison.Ordinal);
        Assert.StartsWith("走访发现问题整改", task.Text("title"), StringComparison.Ordinal);
        var tasks = await DemoMap.AllItemsAsync(app.As("center"), $"/api/v1/supervision/tasks?orgUnitId={app.Demo.Unit("village1")}&");
        Assert.Single(tasks, t => t.GetProperty("description").ValueKind == JsonValueKind.String && t.GetProperty("description").GetString()!.Contains(found, StringComparison.Ordinal));
        Assert.Equal(taskId, (await client.GetAsync($"/api/v1/leader-visits/{visit.Id}")).Expect(HttpStatusCode.OK).Number("taskId"));
    }

    [DatabaseFact]
    public async Task The_monthly_light_turns_yellow_at_midnight_China_time_on_the_first_not_at_midnight_UTC()
    {
        var leader = await LinkedLeaderAsync("township1");
        var village = await FindUnitAsync("village1");
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)); // 23:59 on 30 November in China
        await using var instance = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        async Task<T> AsLeaderAsync<T>(Func<LeaderLinksHandler, Task<T>> act)
        {
            using var scope = instance.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().SignedIn(leader.Id, leader.Login, [Role.Supervisor], village.CountyId!.Value, village.CountyId, null);
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            return await act(scope.ServiceProvider.GetRequiredService<LeaderLinksHandler>());
        }

        var november = await AsLeaderAsync(h => h.LogAsync(new LogVisitRequest(village.Id, new DateOnly(2026, 11, 30), "村委会", "十一月最后一天的走访"), [], CancellationToken.None));
        Assert.True(november.IsSuccess, november.Error?.Message);
        var before = (await AsLeaderAsync(h => h.MyRowAsync(1, CancellationToken.None)))!;
        Assert.Equal(("2026-11", 1, Light.Green), (before.Months[0].Month, before.Months[0].Visits, before.CurrentLight));

        // 00:01 on 1 December in China is still 30 November in UTC: December has begun, without a visit, so yellow.
        clock.Set(new DateTimeOffset(2026, 11, 30, 16, 1, 0, TimeSpan.Zero));
        var after = (await AsLeaderAsync(h => h.MyRowAsync(2, CancellationToken.None)))!;
        Assert.Equal(("2026-12", 0, Light.Yellow), (after.Months[1].Month, after.Months[1].Visits, after.CurrentLight));
        Assert.Equal(Light.Green, after.Months[0].Light);

        // A visit dated 1 December is today in China (not "in the future" by the UTC date) and turns December green.
        var december = await AsLeaderAsync(h => h.LogAsync(new LogVisitRequest(village.Id, new DateOnly(2026, 12, 1), "村文化广场", "十二月第一次走访"), [], CancellationToken.None));
        Assert.True(december.IsSuccess, december.Error?.Message);
        var tomorrow = await AsLeaderAsync(h => h.LogAsync(new LogVisitRequest(village.Id, new DateOnly(2026, 12, 2), "村文化广场", "明天"), [], CancellationToken.None));
        Assert.Equal("走访日期不能晚于今天。", tomorrow.Error!.Fields!["visitedOn"][0]);
        Assert.Equal(Light.Green, (await AsLeaderAsync(h => h.MyRowAsync(1, CancellationToken.None)))!.CurrentLight);
    }

    [DatabaseFact]
    public async Task A_station_states_its_checklist_townships_and_the_county_inspect_and_the_score_history_and_siteScore_follow()
    {
        var station = await AccountAsync("StationAdmin", "village1-sibling");
        var stationId = app.Demo.Unit("village1-sibling");
        var keeper = app.As(station.Login, TestData.StrongPassword);

        // The station states an item with a photo; nobody else may, and an empty statement is a 400 in Chinese.
        var blank = (await keeper.PutAsync($"/api/v1/sites/{stationId}/standard/items/StrongParty", new { note = " " })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写佐证说明。", blank.FieldErrors("note")[0]);
        (await app.As("town1").PutAsync($"/api/v1/sites/{stationId}/standard/items/StrongParty", new { note = "代填" })).ExpectProblem(HttpStatusCode.Forbidden, "fieldwork.only_station");
        var note = TestData.Name("支部书记兼任站长");
        var stated = (await keeper.PutAsync($"/api/v1/sites/{stationId}/standard/items/StrongParty", new { note })).Expect(HttpStatusCode.OK);
        Assert.Equal(note, stated.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "StrongParty").GetProperty("note").GetString());
        var photo = (await UploadAsync(station.Login, TestData.StrongPassword, $"/api/v1/sites/{stationId}/standard/items/Signage/photos", Photo)).Expect(HttpStatusCode.OK);
        Assert.Single(photo.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "Signage").GetProperty("photos").EnumerateArray());

        // Inspections: every item once, each 0–10; refused ones write nothing.
        var items = new[] { "StrongParty", "GoodIndustry", "GoodMassBase", "RegularActivities", "StandardVenue", "StandardArchives", "Signage", "OpeningHours", "VenueArea" };
        object Scores(Func<int, int> score, int count = 9) => items.Take(count).Select((item, i) => new { item, score = score(i) }).ToArray();
        var before = (await app.As("town1").GetAsync($"/api/v1/sites/{stationId}/standard")).Expect(HttpStatusCode.OK).Json.GetProperty("history").GetArrayLength();
        var eight = (await app.As("town1").PostAsync($"/api/v1/sites/{stationId}/inspections", new { scores = Scores(_ => 8, 8) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("须为全部 9 项各打一次分。", eight.FieldErrors("scores")[0]);
        var eleven = (await app.As("town1").PostAsync($"/api/v1/sites/{stationId}/inspections", new { scores = Scores(i => i == 2 ? 11 : 8) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("每项得分须为 0 到 10 的整数。", eleven.FieldErrors("scores[2].score")[0]);
        (await keeper.PostAsync($"/api/v1/sites/{stationId}/inspections", new { scores = Scores(_ => 10) })).Expect(HttpStatusCode.Forbidden);
        (await app.As("town2").PostAsync($"/api/v1/sites/{stationId}/inspections", new { scores = Scores(_ => 10) })).Expect(HttpStatusCode.NotFound);
        Assert.Equal(before, (await app.As("town1").GetAsync($"/api/v1/sites/{stationId}/standard")).Expect(HttpStatusCode.OK).Json.GetProperty("history").GetArrayLength());

        var first = (await app.As("town1").PostAsync($"/api/v1/sites/{stationId}/inspections", new { inspectedOn = ChinaToday(-1), scores = Scores(i => 5 + (i % 4)) })).Expect(HttpStatusCode.Created);
        var firstTotal = Enumerable.Range(0, 9).Sum(i => 5 + (i % 4));
        Assert.Equal(firstTotal, first.Json.GetProperty("total").GetInt32());
        Assert.Equal(Math.Round(firstTotal * 100m / 90, 1), first.Json.GetProperty("score").GetDecimal());
        var second = (await app.As("center").PostAsync($"/api/v1/sites/{stationId}/inspections", new { scores = Scores(i => i == 0 ? 10 : 9), note = "复查整改到位" })).Expect(HttpStatusCode.Created);
        Assert.Equal(82, second.Json.GetProperty("total").GetInt32());

        // The station's page data: the latest inspection, each item's latest score, the history newest first.
        var site = (await keeper.GetAsync($"/api/v1/sites/{stationId}/standard")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(second.Id, site.GetProperty("latest").GetProperty("id").GetInt64());
        Assert.Equal(10, site.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "StrongParty").GetProperty("latestScore").GetInt32());
        var history = site.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(before + 2, history.Count);
        Assert.Equal([second.Id, first.Id], history.Take(2));

        // siteScore: the latest inspection in the period, per station; yesterday alone shows the first.
        decimal SiteScore(JsonElement ranking) => ranking.EnumerateArray().Single(r => r.GetProperty("orgUnitId").GetInt64() == stationId).GetProperty("value").GetDecimal();
        var today = (await app.As("center").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("township1")}&level=Village&indicator=siteScore&from={ChinaToday(-1)}&to={ChinaToday()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Math.Round(82 * 100m / 90, 1), SiteScore(today.Json));
        var yesterday = (await app.As("center").GetAsync($"/api/v1/stats/ranking?orgUnitId={app.Demo.Unit("township1")}&level=Village&indicator=siteScore&from={ChinaToday(-1)}&to={ChinaToday(-1)}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Math.Round(firstTotal * 100m / 90, 1), SiteScore(yesterday.Json));

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=SiteInspection&entityId={first.Id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "town1");
    }

    [DatabaseFact]
    public async Task Home_cards_tell_a_leader_without_a_visit_this_month_and_a_station_its_site_score_and_every_link_opens()
    {
        // supervisor1 (demo) is linked but has not visited this month; no test visits as supervisor1.
        using var leader = await SignInAsync("supervisor1");
        var html = await leader.GetStringAsync("/");
        Assert.Contains("data-testid=\"home-not-visited\"", html, StringComparison.Ordinal);
        Assert.Contains("本月未走访", html, StringComparison.Ordinal);
        // In red, as a late count is: the card said nothing visible about it before.
        Assert.Contains("<span class=\"value value-alert\">请安排走访</span>", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/fieldwork/mine", "/fieldwork/visits/new", "/fieldwork/leaders", "/sites", $"/sites/{app.Demo.Unit("village1")}", $"/sites/{app.Demo.Unit("village1")}/inspect" })
        {
            using var response = await leader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        using var station = await SignInAsync("village1");
        var home = await station.GetStringAsync("/");
        Assert.Contains("data-testid=\"home-site-score\"", home, StringComparison.Ordinal);
        Assert.Contains("阵地标准得分", home, StringComparison.Ordinal);
        using var own = await station.GetAsync($"/sites/{app.Demo.Unit("village1")}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var sibling = await station.GetAsync($"/sites/{app.Demo.Unit("village1-sibling")}");
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        using var mine = await station.GetAsync("/fieldwork/mine");
        Assert.NotEqual(HttpStatusCode.OK, mine.StatusCode);
    }

    private async Task<Wenming.Web.Modules.Organization.Contracts.OrgUnitInfo> FindUnitAsync(string key)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Wenming.Web.Modules.Organization.Contracts.IOrgDirectory>().FindUnscopedAsync(app.Demo.Unit(key)))!;
    }

    private async Task<ApiResponse> UploadAsync(string login, string password, string path, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "file", "photo.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login, password));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST {path}");
    }

    private Task<HttpClient> SignInAsync(string login) => app.SignInToPagesAsync(login);
}
