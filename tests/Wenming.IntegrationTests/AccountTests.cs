using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Accounts (DESIGN §2-3): who may grant which role where, logins, passwords, deactivation.</summary>
public sealed class AccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string, string> RoleAtFittingUnit => new()
    {
        // creator   role              bound to
        { "admin",    "SystemAdmin",    "city" },
        { "admin",    "CenterAdmin",    "county2" },
        { "center",   "CenterAdmin",    "county" },
        { "center",   "Supervisor",     "county" },
        { "center",   "InstituteAdmin", "township1" },
        { "town1",    "StationAdmin",   "village1" },
        { "village1", "StationAdmin",   "village1-point" },
        { "village1", "TeamLeader",     "village1" },
        { "village1", "Volunteer",      "village1" },
        { "village1", "Resident",       "village1" },
    };

    [DatabaseTheory]
    [MemberData(nameof(RoleAtFittingUnit))]
    public async Task Create_RoleAtAFittingUnit_GivesAnAccountThatCanSignInWithThatRole(string creator, string role, string unit)
    {
        var login = TestData.Login(role.ToLowerInvariant());

        var created = (await app.As(creator).PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "新账号", role, orgUnitId = app.Demo.Unit(unit) }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal(login, created.Text("login"));
        Assert.Equal([role], created.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(TestData.StrongPassword, created.Body, StringComparison.Ordinal);
        var me = (await app.As(login, TestData.StrongPassword).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal([role], me.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(app.Demo.Unit(unit), me.Number("orgUnitId"));
    }

    [DatabaseTheory]
    [InlineData("village1", "CenterAdmin", "village1")]
    [InlineData("village1", "InstituteAdmin", "village1")]
    [InlineData("village1", "Supervisor", "village1")]
    [InlineData("town1", "CenterAdmin", "township1")]
    [InlineData("center", "SystemAdmin", "county")]
    public async Task Create_RoleAboveTheCreator_Answers403RoleNotAllowed(string creator, string role, string unit)
    {
        var login = TestData.Login("above");

        var refused = await app.As(creator).PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "越权", role, orgUnitId = app.Demo.Unit(unit) });

        refused.ExpectProblem(HttpStatusCode.Forbidden, "account.role_not_allowed");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
        Assert.Equal(0, (await app.Admin.GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseTheory]
    [InlineData("StationAdmin", "township1")]
    [InlineData("InstituteAdmin", "village1")]
    [InlineData("CenterAdmin", "township1")]
    [InlineData("Resident", "city")]
    public async Task Create_RoleAtAUnitOfTheWrongLevel_Answers400(string role, string unit)
    {
        var refused = await app.Admin.PostAsync("/api/v1/accounts", new { login = TestData.Login("level"), password = TestData.StrongPassword, displayName = "错级", role, orgUnitId = app.Demo.Unit(unit) });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "account.role_level_mismatch");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("role")));
    }

    [DatabaseFact]
    public async Task Create_WithALoginAlreadyTaken_AnswersConflict_WhateverTheCase()
    {
        var login = TestData.Login("dup");
        (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "一号", role = "Resident", orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        // Another unit, another admin who cannot see the first account: the login is still taken.
        var duplicate = await app.As("village2").PostAsync("/api/v1/accounts", new { login = login.ToUpperInvariant(), password = TestData.StrongPassword, displayName = "二号", role = "Resident", orgUnitId = app.Demo.Unit("village2") });

        duplicate.ExpectProblem(HttpStatusCode.Conflict, "account.login_taken");
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseTheory]
    [InlineData("short1")]
    [InlineData("alllowercase")]
    [InlineData("12345678")]
    public async Task Create_WithAWeakPassword_Answers400WithAChineseReason(string password)
    {
        var login = TestData.Login("weak");

        var refused = await app.As("village1").PostAsync("/api/v1/accounts", new { login, password, displayName = "弱密码", role = "Resident", orgUnitId = app.Demo.Unit("village1") });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "account.password_weak");
        Assert.All(refused.FieldErrors("password"), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
        Assert.NotEmpty(refused.FieldErrors("password"));
        Assert.Equal(0, (await app.Admin.GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Create_WithoutRequiredFields_NamesEachField()
    {
        var refused = await app.As("village1").PostAsync("/api/v1/accounts", new { login = "", password = "", displayName = "" });

        refused.Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "login", "password", "displayName", "role", "orgUnitId" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors(field)));
        }
    }

    [DatabaseFact]
    public async Task Deactivate_EndsTheAccountsSessions_AndItCannotSignIn_UntilActivated()
    {
        var login = TestData.Login("leaver");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "离任", role = "Volunteer", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        var token = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken");
        (await app.WithToken(token).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        var deactivated = (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/deactivate")).Expect(HttpStatusCode.OK);

        Assert.False(deactivated.Json.GetProperty("isActive").GetBoolean());
        (await app.WithToken(token).GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        (await app.SignInAsync(login, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/activate")).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ResetPassword_EndsOldTokens_AndOnlyTheNewPasswordWorks()
    {
        var login = TestData.Login("reset");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "重置", role = "Resident", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        var oldToken = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken");

        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/reset-password", new { password = "Renewed@2027" })).Expect(HttpStatusCode.OK);

        (await app.WithToken(oldToken).GetAsync("/api/v1/me")).Expect(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(login, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await app.SignInAsync(login, "Renewed@2027")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ResetPassword_ToAWeakOne_IsRefused_AndTheOldPasswordStillWorks()
    {
        var login = TestData.Login("keep");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "保留", role = "Resident", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);

        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/reset-password", new { password = "weak" })).ExpectProblem(HttpStatusCode.BadRequest, "account.password_weak");

        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Deactivate_AnAccountInScopeHoldingARoleTheCallerMayNotGrant_IsForbidden_AndChangesNothing()
    {
        // A supervisor bound to township1 is inside town1's subtree, but only a center admin may grant (or manage) a supervisor.
        var supervisor = (await app.As("center").PostAsync("/api/v1/accounts", new { login = TestData.Login("inspector"), password = TestData.StrongPassword, displayName = "督查", role = "Supervisor", orgUnitId = app.Demo.Unit("township1") }))
            .Expect(HttpStatusCode.Created);

        (await app.As("town1").PostAsync($"/api/v1/accounts/{supervisor.Id}/deactivate")).ExpectProblem(HttpStatusCode.Forbidden, "account.role_not_allowed");

        Assert.True((await app.As("town1").GetAsync($"/api/v1/accounts/{supervisor.Id}")).Expect(HttpStatusCode.OK).Json.GetProperty("isActive").GetBoolean());
    }

    [DatabaseFact]
    public async Task Create_TenTimesAtOnceWithOneLogin_CreatesExactlyOneAccount()
    {
        var login = TestData.Login("race");
        var village1 = app.As("village1");
        await app.TokenAsync("village1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            village1.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "并发", role = "Resident", orgUnitId = app.Demo.Unit("village1") })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "account.login_taken"));
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task ManagingYourOwnAccount_IsRefused() =>
        (await app.As("village2").PostAsync($"/api/v1/accounts/{app.Demo.Account("village2")}/deactivate")).ExpectProblem(HttpStatusCode.Conflict, "account.own_account");

    [DatabaseFact]
    public async Task SetRoles_GrantingARoleAboveTheCaller_IsForbidden_AndChangesNothing()
    {
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login = TestData.Login("promote"), password = TestData.StrongPassword, displayName = "提拔", role = "Volunteer", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);

        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/roles", new { roles = new[] { "Volunteer", "Supervisor" } }))
            .ExpectProblem(HttpStatusCode.Forbidden, "account.role_not_allowed");

        var unchanged = (await app.As("village1").GetAsync($"/api/v1/accounts/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Volunteer"], unchanged.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [DatabaseFact]
    public async Task SetRoles_AddsARole_ThatTheAccountHasOnItsNextRequest()
    {
        var login = TestData.Login("twohats");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "两职", role = "Volunteer", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);

        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/roles", new { roles = new[] { "Volunteer", "TeamLeader" } })).Expect(HttpStatusCode.OK);

        var me = (await app.As(login, TestData.StrongPassword).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(["TeamLeader", "Volunteer"], me.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
    }
}
