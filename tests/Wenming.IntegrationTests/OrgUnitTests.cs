using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>The org tree's rules (DESIGN §3): level nesting, division codes, moves, status, names.</summary>
public sealed class OrgUnitTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CountyCode = "339901";

    private ApiClient Center => app.As("center");

    [DatabaseFact]
    public async Task Create_VillageDirectlyUnderTheCounty_IsRefusedAsLevelNesting()
    {
        var before = await CountUnitsAsync();

        var refused = await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Village", name = TestData.Name("越级村"), divisionCode = CountyCode + "999001" });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "org.level_nesting");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("level")));
        Assert.Equal(before, await CountUnitsAsync());
    }

    [DatabaseFact]
    public async Task Create_TownshipWhoseCodeDoesNotExtendTheCounty_IsRefused()
    {
        var refused = await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("外县镇"), divisionCode = "339902" + TestData.TownshipSegment() + "000" });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "org.division_code_not_under_parent");
        Assert.Contains(CountyCode, Assert.Single(refused.FieldErrors("divisionCode")), StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("33990100100", "org.division_code_format")]
    [InlineData("3399010x1000", "org.division_code_format")]
    [InlineData("339901000123", "org.division_code_segment_empty")]
    [InlineData("339901555001", "org.division_code_trailing")]
    public async Task Create_TownshipWithAMalformedCode_IsRefusedWithTheReason(string code, string expectedCode)
    {
        var refused = await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("错码镇"), divisionCode = code });

        refused.ExpectProblem(HttpStatusCode.BadRequest, expectedCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("divisionCode")));
    }

    [DatabaseFact]
    public async Task Create_WithADivisionCodeAlreadyInUse_AnswersConflict()
    {
        var code = CountyCode + TestData.TownshipSegment() + "000";
        (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("重码镇"), divisionCode = code })).Expect(HttpStatusCode.Created);

        var duplicate = await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("重码镇"), divisionCode = code });

        duplicate.ExpectProblem(HttpStatusCode.Conflict, "org.division_code_taken");
        var found = (await app.Admin.GetAsync($"/api/v1/org-units?q={code}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, found.Total);
    }

    [DatabaseFact]
    public async Task Create_Township_AnswersTheUnitWithItsPathUnderTheCounty()
    {
        var code = CountyCode + TestData.TownshipSegment() + "000";

        var created = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("新建镇"), divisionCode = code, address = "云溪县新建路1号" }))
            .Expect(HttpStatusCode.Created);

        var county = (await Center.GetAsync($"/api/v1/org-units/{app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(county.Text("path") + created.Id + "/", created.Text("path"));
        Assert.Equal("Township", created.Text("level"));
        Assert.Equal(code, created.Text("divisionCode"));
        Assert.Equal(app.Demo.Unit("county"), created.Number("parentId"));
        var fetched = (await Center.GetAsync($"/api/v1/org-units/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(created.Text("name"), fetched.Text("name"));
        Assert.Equal("云溪县新建路1号", fetched.Text("address"));
    }

    [DatabaseFact]
    public async Task Move_VillageToAnotherTownship_RewritesThePathsOfItsWholeSubtree()
    {
        var (fromTownship, fromCode) = await TownshipAsync();
        var (toTownship, toCode) = await TownshipAsync();
        var village = (await Center.PostAsync("/api/v1/org-units", new { parentId = fromTownship.Id, level = "Village", name = TestData.Name("搬迁村"), divisionCode = fromCode[..9] + "001" })).Expect(HttpStatusCode.Created);
        var point = (await Center.PostAsync("/api/v1/org-units", new { parentId = village.Id, level = "Point", name = TestData.Name("搬迁点") })).Expect(HttpStatusCode.Created);

        var moved = (await Center.PostAsync($"/api/v1/org-units/{village.Id}/move", new { parentId = toTownship.Id, divisionCode = toCode[..9] + "001" })).Expect(HttpStatusCode.OK);

        Assert.Equal(toTownship.Text("path") + village.Id + "/", moved.Text("path"));
        Assert.Equal(toTownship.Id, moved.Number("parentId"));
        var movedPoint = (await Center.GetAsync($"/api/v1/org-units/{point.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(toTownship.Text("path") + village.Id + "/" + point.Id + "/", movedPoint.Text("path"));
        var under = (await Center.GetAsync($"/api/v1/org-units?underId={toTownship.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal([toTownship.Id, village.Id, point.Id], under.Items.Select(u => u.GetProperty("id").GetInt64()).Order());
        Assert.Equal(0, (await Center.GetAsync($"/api/v1/org-units/{fromTownship.Id}/children")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Move_WithoutANewCodeThatExtendsTheNewParent_IsRefusedAndChangesNothing()
    {
        var (fromTownship, fromCode) = await TownshipAsync();
        var (toTownship, _) = await TownshipAsync();
        var village = (await Center.PostAsync("/api/v1/org-units", new { parentId = fromTownship.Id, level = "Village", name = TestData.Name("留守村"), divisionCode = fromCode[..9] + "001" })).Expect(HttpStatusCode.Created);

        (await Center.PostAsync($"/api/v1/org-units/{village.Id}/move", new { parentId = toTownship.Id })).ExpectProblem(HttpStatusCode.BadRequest, "org.division_code_not_under_parent");

        var unchanged = (await Center.GetAsync($"/api/v1/org-units/{village.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(village.Text("path"), unchanged.Text("path"));
    }

    [DatabaseFact]
    public async Task Move_IntoItsOwnSubtree_IsRefused()
    {
        var (township, code) = await TownshipAsync();
        var village = (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Village", name = TestData.Name("环村"), divisionCode = code[..9] + "001" })).Expect(HttpStatusCode.Created);

        (await Center.PostAsync($"/api/v1/org-units/{township.Id}/move", new { parentId = village.Id })).ExpectProblem(HttpStatusCode.BadRequest, "org.move_into_own_subtree");
    }

    [DatabaseFact]
    public async Task Deactivate_WithAnActiveChild_AnswersConflict_AndWorksOnceTheChildIsInactive()
    {
        var (township, code) = await TownshipAsync();
        var village = (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Village", name = TestData.Name("停用村"), divisionCode = code[..9] + "001" })).Expect(HttpStatusCode.Created);

        var refused = await Center.PostAsync($"/api/v1/org-units/{township.Id}/deactivate");

        refused.ExpectProblem(HttpStatusCode.Conflict, "org.has_active_children");
        Assert.Equal("Active", (await Center.GetAsync($"/api/v1/org-units/{township.Id}")).Expect(HttpStatusCode.OK).Text("status"));
        (await Center.PostAsync($"/api/v1/org-units/{village.Id}/deactivate")).Expect(HttpStatusCode.OK);
        var deactivated = (await Center.PostAsync($"/api/v1/org-units/{township.Id}/deactivate")).Expect(HttpStatusCode.OK);
        Assert.Equal("Inactive", deactivated.Text("status"));
        // A child cannot come back under an inactive parent.
        (await Center.PostAsync($"/api/v1/org-units/{village.Id}/activate")).ExpectProblem(HttpStatusCode.Conflict, "org.parent_inactive");
    }

    [DatabaseFact]
    public async Task Deactivate_OwnBoundUnit_IsRefused() =>
        (await app.As("village1").PostAsync($"/api/v1/org-units/{app.Demo.Unit("village1")}/deactivate")).ExpectProblem(HttpStatusCode.Conflict, "org.own_unit");

    [DatabaseFact]
    public async Task Rename_ChangesTheNameOthersSee()
    {
        var (township, _) = await TownshipAsync();
        var newName = TestData.Name("更名镇");

        var renamed = (await Center.PutAsync($"/api/v1/org-units/{township.Id}", new { name = newName, contactName = "张三", contactPhone = "13900001111" })).Expect(HttpStatusCode.OK);

        Assert.Equal(newName, renamed.Text("name"));
        var seen = (await app.Admin.GetAsync($"/api/v1/org-units/{township.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(newName, seen.Text("name"));
        Assert.Equal("张三", seen.Text("contactName"));
        Assert.Equal(township.Text("divisionCode"), seen.Text("divisionCode"));
    }

    [DatabaseFact]
    public async Task Rename_ToAnEmptyName_IsRefusedWithAChineseMessage()
    {
        var (township, _) = await TownshipAsync();

        var refused = await Center.PutAsync($"/api/v1/org-units/{township.Id}", new { name = "  " });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("name")));
        Assert.Equal(township.Text("name"), (await Center.GetAsync($"/api/v1/org-units/{township.Id}")).Expect(HttpStatusCode.OK).Text("name"));
    }

    [DatabaseFact]
    public async Task Children_ListsTheDirectChildrenOnly_CodedUnitsFirstInCodeOrder()
    {
        var (township, code) = await TownshipAsync();
        var second = (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Village", name = TestData.Name("二村"), divisionCode = code[..9] + "002" })).Expect(HttpStatusCode.Created);
        var first = (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Village", name = TestData.Name("一村"), divisionCode = code[..9] + "001" })).Expect(HttpStatusCode.Created);
        var point = (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Point", name = TestData.Name("实践点") })).Expect(HttpStatusCode.Created);
        (await Center.PostAsync("/api/v1/org-units", new { parentId = first.Id, level = "Point", name = TestData.Name("孙级点") })).Expect(HttpStatusCode.Created);

        var children = (await Center.GetAsync($"/api/v1/org-units/{township.Id}/children")).Expect(HttpStatusCode.OK);

        Assert.Equal([first.Id, second.Id, point.Id], children.Items.Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(3, children.Total);
    }

    [DatabaseFact]
    public async Task Create_WithAMistypedLevel_Answers400NamingTheField()
    {
        var refused = await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Province", name = TestData.Name("省") });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotEmpty(refused.FieldErrors("level"));
    }

    [DatabaseFact]
    public async Task Create_TenTimesAtOnceWithOneDivisionCode_CreatesExactlyOneUnit()
    {
        var code = CountyCode + TestData.TownshipSegment() + "000";
        await app.TokenAsync("center");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("抢码镇"), divisionCode = code })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "org.division_code_taken"));
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/org-units?q={code}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Create_UnderAnInactiveParent_AnswersConflict()
    {
        var (township, _) = await TownshipAsync();
        (await Center.PostAsync($"/api/v1/org-units/{township.Id}/deactivate")).Expect(HttpStatusCode.OK);

        (await Center.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Point", name = TestData.Name("停用下点") })).ExpectProblem(HttpStatusCode.Conflict, "org.parent_inactive");
    }

    [DatabaseFact]
    public async Task Move_ToAParentInAnotherCounty_IsRefused_EvenForTheSystemAdmin()
    {
        var point = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village1"), level = "Point", name = TestData.Name("跨县点") })).Expect(HttpStatusCode.Created);

        (await Center.PostAsync($"/api/v1/org-units/{point.Id}/move", new { parentId = app.Demo.Unit("county2-village") })).ExpectProblem(HttpStatusCode.NotFound, "org.parent_not_found");
        (await app.Admin.PostAsync($"/api/v1/org-units/{point.Id}/move", new { parentId = app.Demo.Unit("county2-village") })).ExpectProblem(HttpStatusCode.Conflict, "org.move_across_county");
    }

    [DatabaseFact]
    public async Task Search_ByNameWithAWildcardCharacter_MatchesItLiterally()
    {
        var name = TestData.Name("百分之百%镇");
        (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village1"), level = "Point", name })).Expect(HttpStatusCode.Created);

        var literal = (await Center.GetAsync($"/api/v1/org-units?q={Uri.EscapeDataString("%镇")}")).Expect(HttpStatusCode.OK);
        var everything = (await Center.GetAsync($"/api/v1/org-units?q={Uri.EscapeDataString("%")}")).Expect(HttpStatusCode.OK);

        Assert.Equal(name, Assert.Single(literal.Items).GetProperty("name").GetString());
        Assert.All(everything.Items, u => Assert.Contains("%", u.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [DatabaseTheory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_WithAPageOutOfRange_Answers400NamingTheField(string query, string field)
    {
        var refused = await Center.GetAsync("/api/v1/org-units?" + query);

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
    }

    [DatabaseFact]
    public async Task Create_WithABodyThatIsNotJson_Answers400Malformed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/org-units") { Content = new StringContent("this is not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenAsync("center"));

        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("validation.malformed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(ApiResponse Unit, string Code)> TownshipAsync()
    {
        var code = CountyCode + TestData.TownshipSegment() + "000";
        var unit = (await Center.PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("county"), level = "Township", name = TestData.Name("测试镇"), divisionCode = code })).Expect(HttpStatusCode.Created);
        return (unit, code);
    }

    private async Task<int> CountUnitsAsync() => (await app.Admin.GetAsync("/api/v1/org-units?pageSize=1")).Expect(HttpStatusCode.OK).Total;
}
