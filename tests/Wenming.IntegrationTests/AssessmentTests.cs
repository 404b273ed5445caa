using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// 考评 over HTTP (issue 13, RULES.md assessment, ADR 0049): a scheme with RULES.md's default weights ranks the county's
/// townships from the statistics' figures, and every score is its parts added up, each part its normalised value times
/// its weight; a supervisor scores by hand with evidence (without evidence refused); another person reviews (the maker
/// cannot, and many reviews at once make one); publication gives each unit its own row; a sibling township and a
/// supervisor of another subtree never see a township's scheme; bad input is a 400 in Chinese that changes nothing; audited.
/// </summary>
public sealed class AssessmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static readonly object[] WithManual =
    [
        new { code = "activitiesPerStation", weight = 20 }, new { code = "onTimeRate", weight = 20 }, new { code = "satisfaction", weight = 15 },
        new { code = "volunteerParticipation", weight = 15 }, new { code = "reportsOnTime", weight = 10 }, new { code = "manual", weight = 20 },
    ];

    private Task<ApiResponse> CreateAsync(string by, long unitId, string level = "Township", object[]? indicators = null, string? period = null) =>
        app.As(by).PostAsync("/api/v1/assessments", indicators is null
            ? new { orgUnitId = unitId, period = period ?? ThisMonth, level }
            : new { orgUnitId = unitId, period = period ?? ThisMonth, level, indicators });

    private static decimal Dec(JsonElement e, string p) => e.GetProperty(p).GetDecimal();

    [DatabaseFact]
    public async Task Default_weights_rank_the_townships_and_every_score_is_its_parts_added_up()
    {
        var created = (await CreateAsync("center", app.Demo.Unit("county"))).Expect(HttpStatusCode.Created);
        Assert.Equal("Computed", created.Text("status"));
        var indicators = created.Json.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(
            ["activitiesPerStation:20", "onTimeRate:20", "satisfaction:15", "volunteerParticipation:15", "archiveCompleteness:10", "reportsOnTime:10", "siteScore:10"],
            indicators.Select(i => i.GetProperty("code").GetString() + ":" + i.GetProperty("weight").GetInt32()));
        Assert.False(indicators.Single(i => i.GetProperty("code").GetString() == "archiveCompleteness").GetProperty("available").GetBoolean());

        var ranking = (await app.As("center").GetAsync($"/api/v1/assessments/{created.Id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Contains(ranking, r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township1"));
        Assert.Contains(ranking, r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township2"));
        Assert.DoesNotContain(ranking, r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1"));
        foreach (var row in ranking)
        {
            var parts = row.GetProperty("parts").EnumerateArray().ToList();
            Assert.Equal(7, parts.Count);
            // The ranking recomputed by hand from its published parts.
            Assert.Equal(Dec(row, "score"), parts.Sum(p => Dec(p, "score")));
            foreach (var p in parts)
            {
                var normalised = p.GetProperty("normalised");
                var expected = normalised.ValueKind == JsonValueKind.Null ? 0m : Math.Round(normalised.GetDecimal() * Dec(p, "effectiveWeight") / 100m, 2);
                Assert.Equal(expected, Dec(p, "score"));
                Assert.InRange(normalised.ValueKind == JsonValueKind.Null ? 0m : normalised.GetDecimal(), 0m, 100m);
            }

            var archive = parts.Single(p => p.GetProperty("code").GetString() == "archiveCompleteness");
            Assert.Equal(JsonValueKind.Null, archive.GetProperty("value").ValueKind);
            Assert.Equal(0m, Dec(archive, "effectiveWeight"));
            Assert.Equal(100m, Math.Round(parts.Sum(p => Dec(p, "effectiveWeight")), 1));

            // Ties share a rank; a rank is one more than the number of better scores.
            Assert.Equal(1 + ranking.Count(o => Dec(o, "score") > Dec(row, "score")), row.GetProperty("rank").GetInt32());
        }

        Assert.Equal(ranking.OrderByDescending(r => Dec(r, "score")).Select(r => r.GetProperty("orgUnitId").GetInt64()), ranking.Select(r => r.GetProperty("orgUnitId").GetInt64()));

        // Rates are marked, and the page shows their raw values as percentages (it showed the on-time rate as "1").
        var rates = ranking[0].GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("percent").GetBoolean()).Select(p => p.GetProperty("code").GetString());
        Assert.Equal(["onTimeRate", "volunteerParticipation", "reportsOnTime"], rates);
        var page = await (await app.SignInToPagesAsync("center")).GetStringAsync($"/assessments/{created.Id}");
        var cells = Regex.Matches(page, "<td>([^<]*)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var onTime = cells[cells.IndexOf("点单按时办结率") + 1];
        Assert.Matches(@"^(\d{1,3}\.\d %|暂无数据)$", onTime);
        // The site item has the name the stations' own indicator has on their pages (阵地标准, RULES), not a second one.
        Assert.Contains("阵地标准得分", cells);
    }

    [DatabaseFact]
    public async Task A_supervisor_scores_by_hand_with_evidence_and_without_it_is_refused()
    {
        var id = (await CreateAsync("center", app.Demo.Unit("county"), indicators: WithManual)).Expect(HttpStatusCode.Created).Id;
        var township1 = app.Demo.Unit("township1");
        var none = (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = township1, score = 90, evidence = "  " })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写评分依据。", Assert.Single(none.FieldErrors("evidence")));
        var range = (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = township1, score = 120, evidence = "超出范围" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("评分应在 0 至 100 之间，最多两位小数。", Assert.Single(range.FieldErrors("score")));
        var notRanked = (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = app.Demo.Unit("village1"), score = 80, evidence = "村不在乡镇考评内" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("该单位不在本方案的考评范围内。", Assert.Single(notRanked.FieldErrors("orgUnitId")));
        (await app.As("resident1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = township1, score = 80, evidence = "居民" })).Expect(HttpStatusCode.Forbidden);
        Assert.Empty((await app.As("center").GetAsync($"/api/v1/assessments/{id}")).Expect(HttpStatusCode.OK).Json.GetProperty("manualScores").EnumerateArray());

        var scored = (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = township1, score = 88.5, evidence = "实地检查阵地和台账" })).Expect(HttpStatusCode.Created);
        var manual = Assert.Single(scored.Json.GetProperty("manualScores").EnumerateArray());
        Assert.Equal("supervisor1", manual.GetProperty("byLogin").GetString());
        var ranking = (await app.As("center").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var part = ranking.Single(r => r.GetProperty("orgUnitId").GetInt64() == township1).GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "manual");
        Assert.Equal(88.5m, Dec(part, "value"));
        Assert.Equal(88.5m, Dec(part, "normalised"));
        Assert.Equal(Math.Round(88.5m * Dec(part, "effectiveWeight") / 100m, 2), Dec(part, "score"));
        // Units nobody scored have no manual value and score 0 on it.
        var other = ranking.Single(r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township2")).GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "manual");
        Assert.Equal(JsonValueKind.Null, other.GetProperty("value").ValueKind);
        Assert.Equal(0m, Dec(other, "score"));

        var noManual = (await CreateAsync("center", app.Demo.Unit("county"))).Expect(HttpStatusCode.Created).Id;
        (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{noManual}/manual-scores", new { orgUnitId = township1, score = 80, evidence = "依据" }))
            .ExpectProblem(HttpStatusCode.Conflict, "assessment.no_manual");

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=AssessmentManualScore&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "supervisor1");
    }

    [DatabaseFact]
    public async Task Another_person_reviews_once_even_at_once_then_publication_gives_each_unit_its_own_row()
    {
        var id = (await CreateAsync("center", app.Demo.Unit("county"), indicators: WithManual)).Expect(HttpStatusCode.Created).Id;
        (await app.As("center").PostAsync($"/api/v1/assessments/{id}/review")).ExpectProblem(HttpStatusCode.Conflict, "assessment.own_scheme");
        (await app.As("center").PostAsync($"/api/v1/assessments/{id}/publish")).ExpectProblem(HttpStatusCode.Conflict, "assessment.wrong_state");
        (await app.As("town1").GetAsync($"/api/v1/assessments/{id}/ranking")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");

        // A supervisor scores by hand but does not sign the numbers off: they change nothing but their own scores.
        (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/review")).Expect(HttpStatusCode.Forbidden);
        await app.TokenAsync("admin");
        var reviewer = app.As("admin");
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => reviewer.PostAsync($"/api/v1/assessments/{id}/review")));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var reviewed = (await app.As("center").GetAsync($"/api/v1/assessments/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Reviewed", reviewed.Text("status"));
        Assert.Equal("admin", reviewed.Text("reviewedByLogin"));
        (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/manual-scores", new { orgUnitId = app.Demo.Unit("township1"), score = 60, evidence = "审核后" }))
            .ExpectProblem(HttpStatusCode.Conflict, "assessment.wrong_state");
        (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/publish")).Expect(HttpStatusCode.Forbidden);

        (await app.As("center").PostAsync($"/api/v1/assessments/{id}/publish")).Expect(HttpStatusCode.OK);
        var full = (await app.As("center").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var own = (await app.As("town1").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var row = Assert.Single(own);
        Assert.Equal(app.Demo.Unit("township1"), row.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(full.Single(r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("township1")).GetRawText(), row.GetRawText());
        (await app.As("town1").GetAsync($"/api/v1/assessments/{id}")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
        var mine = (await app.As("town1").GetAsync("/api/v1/assessments/mine")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Contains(mine, m => m.GetProperty("schemeId").GetInt64() == id && m.GetProperty("rank").GetInt32() == row.GetProperty("rank").GetInt32());

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=AssessmentScheme&entityId={id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created" && e.GetProperty("login").GetString() == "center");
        Assert.Single(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "admin");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "center");
    }

    [DatabaseFact]
    public async Task A_townships_scheme_is_its_own_a_sibling_and_another_subtrees_supervisor_never_see_it()
    {
        var id = (await CreateAsync("town1", app.Demo.Unit("township1"), level: "Village")).Expect(HttpStatusCode.Created).Id;
        var ranking = (await app.As("town1").GetAsync($"/api/v1/assessments/{id}/ranking")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Contains(ranking, r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village1"));
        Assert.DoesNotContain(ranking, r => r.GetProperty("orgUnitId").GetInt64() == app.Demo.Unit("village2"));
        (await app.As("town2").GetAsync($"/api/v1/assessments/{id}")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
        (await app.As("town2").GetAsync($"/api/v1/assessments/{id}/ranking")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
        (await app.As("village1").GetAsync($"/api/v1/assessments/{id}/ranking")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
        (await CreateAsync("town1", app.Demo.Unit("county"))).ExpectProblem(HttpStatusCode.NotFound, "assessment.unit_not_found");
        (await CreateAsync("village1", app.Demo.Unit("village1"), level: "Village")).Expect(HttpStatusCode.Forbidden);

        var sup2 = TestData.Login("sup");
        (await app.As("center").PostAsync("/api/v1/accounts", new { login = sup2, password = TestData.StrongPassword, displayName = "督查", role = "Supervisor", orgUnitId = app.Demo.Unit("township2") }))
            .Expect(HttpStatusCode.Created);
        (await app.As(sup2, TestData.StrongPassword).GetAsync($"/api/v1/assessments/{id}")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
        var seen2 = await DemoMap.AllItemsAsync(app.As(sup2, TestData.StrongPassword), "/api/v1/assessments?");
        Assert.DoesNotContain(seen2, s => s.GetProperty("id").GetInt64() == id);
        var seen1 = await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/assessments?");
        Assert.Contains(seen1, s => s.GetProperty("id").GetInt64() == id);
        Assert.All(seen1, s => Assert.Equal(app.Demo.Unit("township1"), s.GetProperty("orgUnitId").GetInt64()));
        var county = await DemoMap.AllItemsAsync(app.As("supervisor1"), "/api/v1/assessments?");
        Assert.Contains(county, s => s.GetProperty("id").GetInt64() == id);

        // The supervisor reads and scores; the scheme itself is the admins'.
        (await CreateAsync("supervisor1", app.Demo.Unit("county"))).Expect(HttpStatusCode.Forbidden);
        (await app.As("supervisor1").PostAsync($"/api/v1/assessments/{id}/recompute")).Expect(HttpStatusCode.Forbidden);
        (await app.As("town1").PostAsync($"/api/v1/assessments/{id}/recompute")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Bad_input_is_a_400_with_Chinese_field_messages_and_changes_nothing()
    {
        var before = (await app.As("center").GetAsync("/api/v1/assessments?pageSize=1")).Expect(HttpStatusCode.OK).Total;
        var empty = (await app.As("center").PostAsync("/api/v1/assessments", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请填写考评单位。", Assert.Single(empty.FieldErrors("orgUnitId")));
        Assert.Equal("请填写考评周期。", Assert.Single(empty.FieldErrors("period")));
        Assert.Equal("请填写被考评层级。", Assert.Single(empty.FieldErrors("level")));
        var bad = (await app.As("center").PostAsync("/api/v1/assessments", new
        {
            orgUnitId = app.Demo.Unit("county"),
            period = "2026-13",
            level = "City",
            indicators = new object[] { new { code = "happiness", weight = 10 }, new { code = "satisfaction", weight = 0 } },
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("考评周期格式应为 yyyy-MM（月度，例如 2026-11）或 yyyy（年度，例如 2026）。", Assert.Single(bad.FieldErrors("period")));
        Assert.Equal("被考评层级只能是 Township（乡镇）或 Village（村）。", Assert.Single(bad.FieldErrors("level")));
        Assert.StartsWith("没有“happiness”这个指标", Assert.Single(bad.FieldErrors("indicators[0].code")), StringComparison.Ordinal);
        Assert.Equal("权重应为 1 至 100 的整数。", Assert.Single(bad.FieldErrors("indicators[1].weight")));
        var none = (await app.As("center").PostAsync("/api/v1/assessments", new { orgUnitId = app.Demo.Unit("county"), period = "2026", level = "Township", indicators = Array.Empty<object>() }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请选择 1 至 12 个考评指标。", Assert.Single(none.FieldErrors("indicators")));
        var above = (await CreateAsync("town1", app.Demo.Unit("township1"), level: "Township")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("只能由县、镇（街道）考评其下级的乡镇或村（社区）。", Assert.Single(above.FieldErrors("level")));
        Assert.Equal(before, (await app.As("center").GetAsync("/api/v1/assessments?pageSize=1")).Expect(HttpStatusCode.OK).Total);
        (await app.As("center").GetAsync("/api/v1/assessments/999999999/ranking")).ExpectProblem(HttpStatusCode.NotFound, "assessment.not_found");
    }
}
