using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Sign-in, tokens, lockout and refresh (API.md, Conventions: Auth).</summary>
public abstract class AuthTests(AppFixture app)
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

    [ProviderTheory]
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

    [ProviderFact]
    public async Task Me_ShowsTheBoundUnitAndThePersonOfAResident()
    {
        var me = (await app.As("resident1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        Assert.Equal(app.Demo.Unit("village1"), me.Number("orgUnitId"));
        Assert.Equal(app.Demo.Person("resident1"), me.Number("personId"));
        var center = (await app.As("center").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("county"), center.Number("orgUnitId"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, center.Json.GetProperty("personId").ValueKind);
    }

    [ProviderFact]
    public async Task Token_WithAWrongPassword_Answers401InvalidCredentials()
    {
        var refused = await app.SignInAsync("village1", "Wrong@2026");

        refused.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Text("detail"));
        Assert.False(refused.Json.TryGetProperty("accessToken", out _));
    }

    [ProviderFact]
    public async Task Token_ForAnUnknownLogin_AnswersTheSame401AsAWrongPassword() =>
        (await app.SignInAsync(TestData.Login("nobody"), AppFixture.DemoPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

    [ProviderFact]
    public async Task Token_AfterFiveWrongPasswords_IsLocked_EvenWithTheRightPassword()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await app.SignInAsync(login, "Wrong@2026")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        (await app.SignInAsync(login, "Wrong@2026")).ExpectProblem((HttpStatusCode)423, "auth.locked");
        var locked = await app.SignInAsync(login, TestData.StrongPassword);
        locked.ExpectProblem((HttpStatusCode)423, "auth.locked");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", locked.Text("detail"));
    }

    [ProviderFact]
    public async Task Unlock_ByAnAdmin_LetsALockedAccountSignInAgain()
    {
        var login = await CreateAccountAsync("Volunteer", app.Demo.Unit("village1"));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await app.SignInAsync(login, "Wrong@2026");
        }

        (await app.SignInAsync(login, TestData.StrongPassword)).Expect((HttpStatusCode)423);

        var account = await FindAccountAsync(login);
        Assert.True(account.GetProperty("isLockedOut").GetBoolean());
        (await app.As("village1").PostAsync($"/api/v1/accounts/{account.GetProperty("id").GetInt64()}/unlock")).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Refresh_WithAValidRefreshToken_GivesANewWorkingAccessToken()
    {
        var login = await CreateAccountAsync("Resident", app.Demo.Unit("village1"));
        var first = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);

        var refreshed = (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = first.Text("refreshToken") })).Expect(HttpStatusCode.OK);

        var me = (await app.WithToken(refreshed.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(login, me.Text("login"));
        Assert.False(string.IsNullOrEmpty(refreshed.Text("refreshToken")));
    }

    [ProviderFact]
    public async Task Refresh_WithGarbage_Answers401() =>
        (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" })).ExpectProblem(HttpStatusCode.Unauthorized, "auth.refresh_invalid");

    [ProviderFact]
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

    [ProviderFact]
    public async Task ApiCall_WithoutAToken_Answers401ProblemDetails()
    {
        var anonymous = await app.Anonymous().GetAsync("/api/v1/people");

        anonymous.ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        Assert.Equal(401, anonymous.Json.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", anonymous.Text("title") + anonymous.Text("detail"));
    }

    [ProviderFact]
    public async Task ApiCall_WithAForgedToken_Answers401() =>
        (await app.WithToken("forged.token.value").GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");

    [ProviderFact]
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

public sealed class AuthTests_Sqlite(SqliteApp app) : AuthTests(app), IClassFixture<SqliteApp>;

public sealed class AuthTests_Postgres(PostgresApp app) : AuthTests(app), IClassFixture<PostgresApp>, IRunsOnPostgres;

/// <summary>The per-address sign-in limit, set low in a dedicated app so that it can be reached.</summary>
public abstract class SignInRateLimitTests(AppFixture app)
{
    [ProviderFact]
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

public abstract class RateLimitedApp : AppFixture
{
    public const int Limit = 3;

    protected override bool SeedDemo => false;

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["RateLimits:SignInPerMinutePerAddress"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed class RateLimitedSqliteApp : RateLimitedApp
{
    public override Wenming.Web.Platform.Hosting.DatabaseProvider Provider => Wenming.Web.Platform.Hosting.DatabaseProvider.Sqlite;
}

public sealed class RateLimitedPostgresApp : RateLimitedApp
{
    public override Wenming.Web.Platform.Hosting.DatabaseProvider Provider => Wenming.Web.Platform.Hosting.DatabaseProvider.Postgres;
}

public sealed class SignInRateLimitTests_Sqlite(RateLimitedSqliteApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class SignInRateLimitTests_Postgres(RateLimitedPostgresApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedPostgresApp>, IRunsOnPostgres;
