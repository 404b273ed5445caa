using System.Globalization;
using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>Social organizations, the volunteer federation, and their pairings (结对) with villages.</summary>
public sealed class SocialOrgTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _counter = Random.Shared.Next(0, 1_000_000);

    private ApiClient Center => app.As("center");

    /// <summary>A check-valid credit code, unique per process.</summary>
    private static string NewCreditCode()
    {
        var first17 = "51339901" + "MJ" + Interlocked.Increment(ref _counter).ToString("D7", CultureInfo.InvariantCulture);
        return first17 + CreditCode.ComputeCheckChar(first17);
    }

    private async Task<ApiResponse> CreateAsync(ApiClient? client = null, string? name = null, bool federation = true, string? creditCode = null) =>
        await (client ?? Center).PostAsync("/api/v1/social-orgs", new
        {
            name = name ?? TestData.Name("测试志愿服务协会"),
            kind = "SocialGroup",
            creditCode = creditCode ?? NewCreditCode(),
            serviceFields = "助老助残",
            contactName = "陈联系",
            contactPhone = "0571-88888888",
            address = "云溪县人民路1号",
            isFederationMember = federation,
        });

    private static Task<ApiResponse> PairAsync(ApiClient client, long orgId, long villageId) =>
        client.PostAsync($"/api/v1/social-orgs/{orgId}/pairings", new { villageUnitId = villageId, content = "帮扶留守儿童" });

    private async Task<int> CountAsync() => (await app.Admin.GetAsync("/api/v1/social-orgs?pageSize=1")).Expect(HttpStatusCode.OK).Total;

    [DatabaseFact]
    public async Task Create_ReturnsTheOrganization_AndGetShowsIt()
    {
        var created = (await CreateAsync(name: "云溪县测试助学会" + NewCreditCode()[^4..])).Expect(HttpStatusCode.Created);

        Assert.Equal("SocialGroup", created.Text("kind"));
        Assert.Equal("Active", created.Text("status"));
        Assert.True(created.Json.GetProperty("isFederationMember").GetBoolean());
        Assert.Equal(app.Demo.Unit("county"), created.Number("orgUnitId"));
        var fetched = (await app.As("supervisor1").GetAsync($"/api/v1/social-orgs/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(created.Text("name"), fetched.Text("name"));
        Assert.Empty(fetched.Json.GetProperty("pairings").EnumerateArray());
    }

    [DatabaseFact]
    public async Task Create_WithABadCreditCode_Answers400InChinese_AndCreatesNothing()
    {
        var good = NewCreditCode();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        var before = await CountAsync();

        var refused = await CreateAsync(creditCode: bad);

        refused.ExpectProblem(HttpStatusCode.BadRequest, "socialorg.credit_code_invalid");
        Assert.Equal(Text.Get("socialorg.credit_code_checksum"), Assert.Single(refused.FieldErrors("creditCode")));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.FieldErrors("creditCode")[0]);
        Assert.Equal(before, await CountAsync());
    }

    [DatabaseFact]
    public async Task Create_WithABadPhone_Answers400()
    {
        var refused = await Center.PostAsync("/api/v1/social-orgs", new { name = TestData.Name("电话错"), kind = "Other", contactPhone = "12345" });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "socialorg.phone_invalid");
        Assert.Single(refused.FieldErrors("contactPhone"));
    }

    [DatabaseFact]
    public async Task Create_SameNameTwiceInACounty_Answers409()
    {
        var name = TestData.Name("同名协会");
        (await CreateAsync(name: name)).Expect(HttpStatusCode.Created);

        var duplicate = await CreateAsync(name: name);

        duplicate.ExpectProblem(HttpStatusCode.Conflict, "socialorg.duplicate_name");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", duplicate.Text("detail"));
    }

    [DatabaseFact]
    public async Task Create_SameCreditCodeTwice_Answers409_ButNoCodeTwiceIsFine()
    {
        var code = NewCreditCode();
        (await CreateAsync(creditCode: code)).Expect(HttpStatusCode.Created);

        (await CreateAsync(creditCode: code.ToLowerInvariant())).ExpectProblem(HttpStatusCode.Conflict, "socialorg.duplicate_credit_code");
        (await Center.PostAsync("/api/v1/social-orgs", new { name = TestData.Name("无代码甲"), kind = "Other" })).Expect(HttpStatusCode.Created);
        (await Center.PostAsync("/api/v1/social-orgs", new { name = TestData.Name("无代码乙"), kind = "Other" })).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task Roles_StationAdminAndResidentMayNotCreate_SupervisorReadsButMayNotWrite()
    {
        (await CreateAsync(app.As("village1"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await CreateAsync(app.As("resident1"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await CreateAsync(app.As("town1"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await CreateAsync(app.As("supervisor1"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident1").GetAsync("/api/v1/social-orgs")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var list = (await app.As("supervisor1").GetAsync("/api/v1/social-orgs")).Expect(HttpStatusCode.OK);
        Assert.True(list.Total > 0);
    }

    [DatabaseFact]
    public async Task UpdateAndDeactivate_ChangeTheOrganization_AndAnInactiveOneCannotPair()
    {
        var created = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var newName = TestData.Name("改名协会");

        var updated = (await Center.PutAsync($"/api/v1/social-orgs/{created.Id}", new { name = newName, kind = "Foundation", isFederationMember = false })).Expect(HttpStatusCode.OK);
        Assert.Equal(newName, updated.Text("name"));
        Assert.Equal("Foundation", updated.Text("kind"));
        Assert.Equal(JsonValueKindNull, updated.Json.GetProperty("creditCode").ValueKind);

        Assert.Equal("Inactive", (await Center.PostAsync($"/api/v1/social-orgs/{created.Id}/deactivate")).Expect(HttpStatusCode.OK).Text("status"));
        (await PairAsync(Center, created.Id, app.Demo.Unit("village1"))).ExpectProblem(HttpStatusCode.Conflict, "socialorg.inactive");
        Assert.Equal("Active", (await Center.PostAsync($"/api/v1/social-orgs/{created.Id}/activate")).Expect(HttpStatusCode.OK).Text("status"));
        (await PairAsync(Center, created.Id, app.Demo.Unit("village1"))).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task List_FiltersByFederationKindAndName()
    {
        var member = (await CreateAsync(name: TestData.Name("筛选成员"), federation: true)).Expect(HttpStatusCode.Created);
        var outsider = (await CreateAsync(name: TestData.Name("筛选非成员"), federation: false)).Expect(HttpStatusCode.Created);

        var federation = await DemoMap.AllItemsAsync(Center, "/api/v1/social-orgs?federation=true&");
        Assert.Contains(federation, o => o.GetProperty("id").GetInt64() == member.Id);
        Assert.DoesNotContain(federation, o => o.GetProperty("id").GetInt64() == outsider.Id);
        Assert.All(federation, o => Assert.True(o.GetProperty("isFederationMember").GetBoolean()));

        var byName = (await Center.GetAsync($"/api/v1/social-orgs?q={Uri.EscapeDataString(outsider.Text("name"))}")).Expect(HttpStatusCode.OK);
        Assert.Equal(outsider.Id, Assert.Single(byName.Items).GetProperty("id").GetInt64());
        var foundations = (await Center.GetAsync("/api/v1/social-orgs?kind=Foundation&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.All(foundations.Items, o => Assert.Equal("Foundation", o.GetProperty("kind").GetString()));
    }

    [DatabaseFact]
    public async Task Pair_WithANonVillageUnit_Answers400()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);

        (await PairAsync(Center, org.Id, app.Demo.Unit("township1"))).ExpectProblem(HttpStatusCode.BadRequest, "socialorg.not_a_village");
        (await PairAsync(Center, org.Id, app.Demo.Unit("village1-point"))).ExpectProblem(HttpStatusCode.BadRequest, "socialorg.not_a_village");
        var refused = await Center.PostAsync($"/api/v1/social-orgs/{org.Id}/pairings", new { villageUnitId = app.Demo.Unit("village1") });
        refused.ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Single(refused.FieldErrors("content"));
    }

    [DatabaseFact]
    public async Task Pair_WithAVillageOutsideTheSubtree_Answers404()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);

        (await PairAsync(Center, org.Id, app.Demo.Unit("county2-village"))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await PairAsync(app.As("town1"), org.Id, app.Demo.Unit("village2"))).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await PairAsync(Center, 9_999_999, app.Demo.Unit("village1"))).ExpectProblem(HttpStatusCode.NotFound, "socialorg.not_found");
    }

    [DatabaseFact]
    public async Task Pair_TwiceWhileActive_Answers409_AndAfterEndingMayPairAgain()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var village = app.Demo.Unit("village1-sibling");
        var first = (await PairAsync(Center, org.Id, village)).Expect(HttpStatusCode.Created);
        Assert.True(first.Json.GetProperty("active").GetBoolean());

        (await PairAsync(Center, org.Id, village)).ExpectProblem(HttpStatusCode.Conflict, "socialorg.already_paired");

        var ended = (await Center.PostAsync($"/api/v1/pairings/{first.Id}/end", new { })).Expect(HttpStatusCode.OK);
        Assert.False(ended.Json.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKindString, ended.Json.GetProperty("endedOn").ValueKind);
        (await Center.PostAsync($"/api/v1/pairings/{first.Id}/end", new { })).ExpectProblem(HttpStatusCode.Conflict, "socialorg.pairing_ended");

        var again = (await PairAsync(Center, org.Id, village)).Expect(HttpStatusCode.Created);
        Assert.NotEqual(first.Id, again.Id);
        var detail = (await Center.GetAsync($"/api/v1/social-orgs/{org.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(again.Id, Assert.Single(detail.Json.GetProperty("pairings").EnumerateArray()).GetProperty("id").GetInt64());
        // The ended pairing is kept as history.
        var history = (await Center.GetAsync($"/api/v1/org-units/{village}/pairings?includeEnded=true")).Expect(HttpStatusCode.OK);
        Assert.Contains(history.Items, p => p.GetProperty("id").GetInt64() == first.Id);
    }

    [DatabaseFact]
    public async Task Pair_TenTimesAtOnce_CreatesExactlyOneActivePairing()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var village = app.Demo.Unit("village2");
        await app.TokenAsync("center");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PairAsync(Center, org.Id, village)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "socialorg.already_paired"));
        var detail = (await Center.GetAsync($"/api/v1/social-orgs/{org.Id}")).Expect(HttpStatusCode.OK);
        Assert.Single(detail.Json.GetProperty("pairings").EnumerateArray());
    }

    [DatabaseFact]
    public async Task End_BeforeTheStart_Answers400()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var pairing = (await Center.PostAsync($"/api/v1/social-orgs/{org.Id}/pairings", new { villageUnitId = app.Demo.Unit("village1"), startedOn = "2026-05-01", content = "助学" }))
            .Expect(HttpStatusCode.Created);

        (await Center.PostAsync($"/api/v1/pairings/{pairing.Id}/end", new { endedOn = "2026-04-30" })).ExpectProblem(HttpStatusCode.BadRequest, "socialorg.ended_before_start");
        Assert.Equal("2026-05-01", (await Center.PostAsync($"/api/v1/pairings/{pairing.Id}/end", new { endedOn = "2026-05-01" })).Expect(HttpStatusCode.OK).Text("endedOn"));
    }

    [DatabaseFact]
    public async Task OneOrganization_PairsWithTwoVillages_AndOneVillage_WithTwoOrganizations()
    {
        var a = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var b = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var village1 = app.Demo.Unit("village1");
        var village2 = app.Demo.Unit("village2");

        (await PairAsync(Center, a.Id, village1)).Expect(HttpStatusCode.Created);
        (await PairAsync(Center, a.Id, village2)).Expect(HttpStatusCode.Created);
        (await PairAsync(Center, b.Id, village1)).Expect(HttpStatusCode.Created);

        var detail = (await Center.GetAsync($"/api/v1/social-orgs/{a.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal([village1, village2], detail.Json.GetProperty("pairings").EnumerateArray().Select(p => p.GetProperty("villageUnitId").GetInt64()).Order());
        var partners = (await app.As("resident1").GetAsync($"/api/v1/org-units/{village1}/pairings")).Expect(HttpStatusCode.OK);
        var names = partners.Items.Select(p => p.GetProperty("socialOrganizationName").GetString()).ToList();
        Assert.Contains(a.Text("name"), names);
        Assert.Contains(b.Text("name"), names);
        Assert.Equal("桃花村新时代文明实践站", partners.Text("villageName"));
    }

    [DatabaseFact]
    public async Task Township_PairsOnlyItsOwnVillages_AndCannotSeeAnotherTownshipsPairing()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var town1 = app.As("town1");

        // The registry is county-wide: a township admin reads it and pairs a county organization with a village of their own township.
        (await town1.GetAsync($"/api/v1/social-orgs/{org.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await town1.GetAsync($"/api/v1/social-orgs?q={Uri.EscapeDataString(org.Text("name"))}")).Expect(HttpStatusCode.OK).Total);
        (await town1.PutAsync($"/api/v1/social-orgs/{org.Id}", new { name = "改名", kind = "Other" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await PairAsync(town1, org.Id, app.Demo.Unit("village1"))).Expect(HttpStatusCode.Created);
        var inTownship2 = (await PairAsync(Center, org.Id, app.Demo.Unit("village2"))).Expect(HttpStatusCode.Created);

        (await town1.GetAsync($"/api/v1/org-units/{app.Demo.Unit("village2")}/pairings")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await town1.PostAsync($"/api/v1/pairings/{inTownship2.Id}/end", new { })).ExpectProblem(HttpStatusCode.NotFound, "socialorg.pairing_not_found");
        (await app.As("village1").PostAsync($"/api/v1/pairings/{inTownship2.Id}/end", new { })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("town2").GetAsync($"/api/v1/org-units/{app.Demo.Unit("village2")}/pairings")).Expect(HttpStatusCode.OK);
        // The township admin sees only the pairings of its own villages.
        var detail = (await town1.GetAsync($"/api/v1/social-orgs/{org.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal([app.Demo.Unit("village1")], detail.Json.GetProperty("pairings").EnumerateArray().Select(p => p.GetProperty("villageUnitId").GetInt64()));
    }

    [DatabaseFact]
    public async Task AnotherCountysOrganization_IsNotFound_AndCannotPairAcrossCounties()
    {
        var name = TestData.Name("云岭县协会");
        var county2Org = (await app.Admin.PostAsync("/api/v1/social-orgs", new { name, kind = "SocialGroup", orgUnitId = app.Demo.Unit("county2") })).Expect(HttpStatusCode.Created);

        (await Center.GetAsync($"/api/v1/social-orgs/{county2Org.Id}")).ExpectProblem(HttpStatusCode.NotFound, "socialorg.not_found");
        (await PairAsync(Center, county2Org.Id, app.Demo.Unit("village1"))).ExpectProblem(HttpStatusCode.NotFound, "socialorg.not_found");
        (await PairAsync(app.Admin, county2Org.Id, app.Demo.Unit("village1"))).ExpectProblem(HttpStatusCode.BadRequest, "socialorg.not_a_village");
        // Names are unique per county only.
        (await CreateAsync(name: name)).Expect(HttpStatusCode.Created);
    }

    [DatabaseFact]
    public async Task DemoCounty_HasFederationMembersPairedWithVillages()
    {
        var federation = await DemoMap.AllItemsAsync(Center, "/api/v1/social-orgs?federation=true&");
        var names = federation.Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("云溪县青年志愿者协会", names);
        Assert.Contains("云溪县夕阳红助老服务中心", names);
        Assert.Contains("云溪县爱心公益基金会", names);
        Assert.All(federation.Where(o => o.GetProperty("creditCode").ValueKind == JsonValueKindString),
            o => Assert.True(CreditCode.Parse(o.GetProperty("creditCode").GetString()).IsSuccess));

        var village1 = (await Center.GetAsync($"/api/v1/org-units/{app.Demo.Unit("village1")}/pairings")).Expect(HttpStatusCode.OK);
        Assert.Contains(village1.Items, p => p.GetProperty("socialOrganizationName").GetString() == "云溪县青年志愿者协会");
        Assert.Contains(village1.Items, p => p.GetProperty("socialOrganizationName").GetString() == "云溪县夕阳红助老服务中心");
        var elderly = federation.Single(o => o.GetProperty("name").GetString() == "云溪县夕阳红助老服务中心").GetProperty("id").GetInt64();
        var detail = (await Center.GetAsync($"/api/v1/social-orgs/{elderly}")).Expect(HttpStatusCode.OK);
        Assert.True(detail.Json.GetProperty("pairings").GetArrayLength() >= 2);
    }

    [DatabaseFact]
    public async Task Changes_AreAudited()
    {
        var org = (await CreateAsync()).Expect(HttpStatusCode.Created);
        var pairing = (await PairAsync(Center, org.Id, app.Demo.Unit("village1"))).Expect(HttpStatusCode.Created);
        (await Center.PostAsync($"/api/v1/pairings/{pairing.Id}/end", new { })).Expect(HttpStatusCode.OK);

        var orgAudit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=SocialOrganization&entityId={org.Id}")).Expect(HttpStatusCode.OK);
        var created = Assert.Single(orgAudit.Items);
        Assert.Equal("Created", created.GetProperty("action").GetString());
        Assert.Equal("center", created.GetProperty("login").GetString());
        Assert.Equal(org.Text("name"), created.GetProperty("changes").GetProperty("Name").GetString());

        var pairingAudit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Pairing&entityId={pairing.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Updated", "Created"], pairingAudit.Items.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(app.Demo.Unit("village1"), pairingAudit.Items[0].GetProperty("orgUnitId").GetInt64());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;
}
