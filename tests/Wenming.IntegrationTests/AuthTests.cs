using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Accounts.Features.SignIn;

namespace Wenming.IntegrationTests;

/// <summary>Sign-in, tokens, the per-address sign-in throttle and rotating refresh tokens (API.md, Conventions: Auth; ADR 0019).</summary>
public sealed class AuthTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> DemoLogins => new()
    {
        { "admin", "SystemAdmin" },
        { "center", "CenterAdmin" },
        { "town1", "InstituteAdmin" },
        { "town2", "InstituteAdmin" },
        { "village1", "StationAdmin" },
        { "village2", "StationAdmin" },
        { "leader1", "TeamLeader" },
        { "volunteer1", "Volunteer" },
        { "volunteer5", "Volunteer" },
        { "resident1", "Resident" },
        { "resident5", "Resident" },
        { "supervisor1", "Supervisor" },
    };

    [DatabaseTheory]
    [MemberData(nameof(DemoLogins))]
    public async Task Token_ForEachDemoRole_GivesABearerTokenThatShowsWhoIsSignedIn(string login, string role)
    {
        var token = (await app.SignInAsync(login, AppFixture.DemoPassword)).Expect(HttpStatusCode.OK);

        Assert.Equal("Bearer", token.Text("tokenType"));
        Assert.False(string.IsNullOrEmpty(token.Text("refreshToken")));
        Assert.True(token.Number("expiresIn") > 0);
        var me = (await app.WithToken(token.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(login, me.Text("login"));
        Assert.Equal([role], me.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(app.Demo.Account(login), me.Number("userId"));
        Assert.False(string.IsNullOrEmpty(me.Text("displayName")));
    }

    [DatabaseFact]
    public async Task Me_ShowsTheBoundUnitAndThePersonOfAResident()
    {
        var me = (await app.As("resident1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        Assert.Equal(app.Demo.Unit("village1"), me.Number("orgUnitId"));
        Assert.Equal(app.Demo.Person("resident1"), me.Number("personId"));
        var center = (await app.As("center").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("county"), center.Number("orgUnitId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, center.Json.GetProperty("personId").ValueKind);
    }

    [DatabaseFact]
    public async Task Token_WithAWrongPassword_Answers401InvalidCredentials()
    {
        var refused = await app.SignInAsync("village1", "Wrong@2026");

        refused.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
        Assert.False(refused.Json.TryGetProperty("accessToken", out _));
    }

    [DatabaseFact]
    public async Task Token_ForAnUnknownLogin_AnswersTheSame401AsAWrongPassword() =>
        (await app.SignInAsync(TestData.Login("nobody"), AppFixture.DemoPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

    [DatabaseFact]
    public async Task Token_AfterFiveWrongPasswordsFromOneAddress_ThatAddressWaits_WhileTheOwnerSignsInFromAnother()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        const string attacker = "203.0.113.51";
        const string owner = "198.51.100.51";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await app.SignInAsync(login, "Wrong@2026", attacker)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        // The attacker's address now waits, even with the right password …
        var waiting = await SignIn.SendAsync(app.Http, login, TestData.StrongPassword, attacker);
        waiting.Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.Equal("登录失败次数过多，请 1 分钟后再试。", waiting.Response.Text("detail"));
        Assert.InRange(waiting.RetryAfterSeconds, 1, 60);
        Assert.False(waiting.Response.Json.TryGetProperty("accessToken", out _));

        // … but the owner, from their own address, is not locked out.
        var owned = (await app.SignInAsync(login, TestData.StrongPassword, owner)).Expect(HttpStatusCode.OK);
        (await app.WithToken(owned.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Token_ForAnUnknownLogin_IsCountedAndThrottledExactlyLikeAnAccount()
    {
        var known = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var unknown = TestData.Login("nobody");
        const string address = "203.0.113.52";

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var forKnown = await SignIn.SendAsync(app.Http, known, "Wrong@2026", address);
            var forUnknown = await SignIn.SendAsync(app.Http, unknown, "Wrong@2026", address);

            var expected = attempt <= 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests;
            forKnown.Response.ExpectProblem(expected, attempt <= 5 ? "auth.invalid_credentials" : "auth.too_many_attempts");
            Assert.Equal(SignIn.Visible(forKnown.Response), SignIn.Visible(forUnknown.Response));
            Assert.Equal(forKnown.RetryAfterSeconds > 0, forUnknown.RetryAfterSeconds > 0);
        }

        // The right password does not get through a wait either, and says nothing more.
        var right = await SignIn.SendAsync(app.Http, known, TestData.StrongPassword, address);
        var guess = await SignIn.SendAsync(app.Http, unknown, TestData.StrongPassword, address);
        Assert.Equal(SignIn.Visible(right.Response), SignIn.Visible(guess.Response));
        right.Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
    }

    [DatabaseFact]
    public async Task Token_ForAnInactiveAccount_AnswersLikeAnUnknownLogin_EvenWithTheRightPassword()
    {
        var login = await CreateAccountAsync("Volunteer", app.Demo.Unit("village1"));
        var id = (await FindAccountAsync(login)).GetProperty("id").GetInt64();
        (await app.As("village1").PostAsync($"/api/v1/accounts/{id}/deactivate")).Expect(HttpStatusCode.OK);

        var inactive = await SignIn.SendAsync(app.Http, login, TestData.StrongPassword, "203.0.113.53");
        var unknown = await SignIn.SendAsync(app.Http, TestData.Login("nobody"), TestData.StrongPassword, "203.0.113.53");

        inactive.Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(SignIn.Visible(inactive.Response), SignIn.Visible(unknown.Response));
    }

    [DatabaseFact]
    public async Task Unlock_ByAnAdmin_LetsAWaitingAddressSignInAgain()
    {
        var login = await CreateAccountAsync("Volunteer", app.Demo.Unit("village1"));
        const string address = "203.0.113.54";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await app.SignInAsync(login, "Wrong@2026", address);
        }

        (await app.SignInAsync(login, TestData.StrongPassword, address)).ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");

        var account = await FindAccountAsync(login);
        Assert.True(account.GetProperty("isLockedOut").GetBoolean());
        var unlocked = (await app.As("village1").PostAsync($"/api/v1/accounts/{account.GetProperty("id").GetInt64()}/unlock")).Expect(HttpStatusCode.OK);
        Assert.False(unlocked.Json.GetProperty("isLockedOut").GetBoolean());
        (await app.SignInAsync(login, TestData.StrongPassword, address)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Token_AfterTheRightPassword_TheAddressStartsAfresh()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        const string address = "203.0.113.55";
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await app.SignInAsync(login, "Wrong@2026", address)).Expect(HttpStatusCode.Unauthorized);
        }

        (await app.SignInAsync(login, TestData.StrongPassword, address)).Expect(HttpStatusCode.OK);

        // Four more typos are four fresh ones, not the fifth to ninth.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await app.SignInAsync(login, "Wrong@2026", address)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        (await app.SignInAsync(login, TestData.StrongPassword, address)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Refresh_WithAValidRefreshToken_GivesANewWorkingAccessToken()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var first = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);

        var refreshed = (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = first.Text("refreshToken") })).Expect(HttpStatusCode.OK);

        var me = (await app.WithToken(refreshed.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(login, me.Text("login"));
        Assert.False(string.IsNullOrEmpty(refreshed.Text("refreshToken")));
    }

    [DatabaseFact]
    public async Task Refresh_RotatesTheRefreshToken_EachNewOneWorksOnce()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var first = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);

        var second = (await RefreshAsync(first.Text("refreshToken"))).Expect(HttpStatusCode.OK);
        var third = (await RefreshAsync(second.Text("refreshToken"))).Expect(HttpStatusCode.OK);

        Assert.Equal("Bearer", third.Text("tokenType"));
        Assert.True(third.Number("expiresIn") > 0);
        Assert.Equal(3, new[] { first, second, third }.Select(t => t.Text("refreshToken")).Distinct().Count());
        Assert.Equal(login, (await app.WithToken(third.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Text("login"));
    }

    [DatabaseFact]
    public async Task Refresh_WithAnAlreadyUsedToken_IsRefused_AndRevokesTheWholeFamily_ButNotOtherSignIns()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var signedIn = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        var otherDevice = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        var stolen = signedIn.Text("refreshToken");
        var rotated = (await RefreshAsync(stolen)).Expect(HttpStatusCode.OK);

        // The copy comes back: refused, and the newer token of the same sign-in dies with it.
        (await RefreshAsync(stolen)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        (await RefreshAsync(rotated.Text("refreshToken"))).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");

        // Another sign-in of the same account is its own family and keeps working.
        (await RefreshAsync(otherDevice.Text("refreshToken"))).Expect(HttpStatusCode.OK);
        // So does signing in again.
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Refresh_EightAtOnceWithOneToken_ExactlyOneGetsANewPair_ThenTheFamilyIsRevoked()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var token = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("refreshToken");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(token)));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != winner), a => a.ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid"));
        // The seven others were reuse: the winner's new refresh token is revoked as well.
        (await RefreshAsync(winner.Text("refreshToken"))).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [DatabaseFact]
    public async Task Refresh_AfterAPasswordResetOrARoleChange_IsRefused()
    {
        var login = await CreateAccountAsync("Volunteer", app.Demo.Unit("village1"));
        var id = (await FindAccountAsync(login)).GetProperty("id").GetInt64();
        var beforeReset = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/accounts/{id}/reset-password", new { password = "Another@2026" })).Expect(HttpStatusCode.OK);
        (await RefreshAsync(beforeReset.Text("refreshToken"))).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");

        var beforeRoles = (await app.SignInAsync(login, "Another@2026")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/accounts/{id}/roles", new { roles = new[] { "Volunteer", "TeamLeader" } })).Expect(HttpStatusCode.OK);
        (await RefreshAsync(beforeRoles.Text("refreshToken"))).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [DatabaseFact]
    public async Task CleanupJob_DeletesExpiredRefreshTokens_AndLeavesLiveOnesWorking()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var live = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);

        // Now: nothing of this sign-in is due, its refresh token keeps working.
        await Wenming.Web.Platform.Jobs.Jobs.RunOnceAsync<SignInCleanupJob>(app.Factory.Services, DateTime.UtcNow, CancellationToken.None);
        var rotated = (await RefreshAsync(live.Text("refreshToken"))).Expect(HttpStatusCode.OK);

        // Past every refresh token's lifetime (14 days): all of them are deleted, and refused.
        var deleted = await Wenming.Web.Platform.Jobs.Jobs.RunOnceAsync<SignInCleanupJob>(app.Factory.Services, DateTime.UtcNow.AddDays(15), CancellationToken.None);
        Assert.True(deleted >= 2, $"deleted {deleted}");
        (await RefreshAsync(rotated.Text("refreshToken"))).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    [DatabaseFact]
    public async Task Refresh_WithGarbage_Answers401() =>
        (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" })).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");

    [DatabaseFact]
    public async Task Refresh_OfADeactivatedAccount_IsRefused_AndItsAccessTokenStopsWorking()
    {
        var login = await CreateAccountAsync("Volunteer", app.Demo.Unit("village1"));
        var signedIn = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        var own = app.WithToken(signedIn.Text("accessToken"));
        (await own.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        var id = (await FindAccountAsync(login)).GetProperty("id").GetInt64();
        (await app.As("village1").PostAsync($"/api/v1/accounts/{id}/deactivate")).Expect(HttpStatusCode.OK);

        (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = signedIn.Text("refreshToken") })).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        (await own.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        (await app.SignInAsync(login, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [DatabaseFact]
    public async Task ApiCall_WithoutAToken_Answers401ProblemDetails()
    {
        var anonymous = await app.Anonymous().GetAsync("/api/v1/people");

        anonymous.ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        Assert.Equal(401, anonymous.Json.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", anonymous.Text("title") + anonymous.Text("detail"));
    }

    [DatabaseFact]
    public async Task ApiCall_WithAForgedToken_Answers401() =>
        (await app.WithToken("forged.token.value").GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");

    [DatabaseFact]
    public async Task SignIn_SixtyTimesInAMinuteFromOneAddress_AllPass()
    {
        // A whole village office may share one address (API.md): 60 sign-ins a minute must pass.
        const string officeAddress = "198.51.100.60";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            var login = i % 2 == 0 ? "volunteer2" : "resident2";
            statuses.Add((await app.SignInAsync(login, AppFixture.DemoPassword, officeAddress)).Status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private Task<ApiResponse> RefreshAsync(string refreshToken) =>
        app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken });

    private async Task<string> CreateAccountAsync(string role, long unitId)
    {
        var login = TestData.Login("auth");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "测试账号", role, orgUnitId = unitId }))
            .Expect(HttpStatusCode.Created);
        return login;
    }

    private async Task<System.Text.Json.JsonElement> FindAccountAsync(string login)
    {
        var found = (await app.Admin.GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK);
        return Assert.Single(found.Items);
    }
}

/// <summary>The per-address sign-in limit, set low in a dedicated app so that it can be reached.</summary>
public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [DatabaseFact]
    public async Task SignIn_BeyondThePerAddressLimit_Answers429RateLimited()
    {
        const string address = "203.0.113.9";
        for (var i = 0; i < RateLimitedApp.Limit; i++)
        {
            (await app.SignInAsync("nobody", "Wrong@2026", address)).Expect(HttpStatusCode.Unauthorized);
        }

        var limited = await app.SignInAsync("nobody", "Wrong@2026", address);

        limited.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.rate_limited");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", limited.Text("detail"));
        // The limit is per address: another office is not affected.
        (await app.SignInAsync("nobody", "Wrong@2026", "203.0.113.10")).Expect(HttpStatusCode.Unauthorized);
    }
}

public sealed class RateLimitedApp : AppFixture
{
    public const int Limit = 3;

    protected override bool SeedDemo => false;

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["RateLimits:SignInPerMinutePerAddress"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
