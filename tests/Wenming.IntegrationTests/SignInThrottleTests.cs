using System.Net;
using System.Net.Http.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>A sign-in request from a chosen client address, with what a client sees of the answer including Retry-After.</summary>
internal static class SignIn
{
    public static async Task<(ApiResponse Response, int RetryAfterSeconds)> SendAsync(HttpClient http, string login, string password, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : 0;
        return (new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, "POST /api/v1/auth/token"), retryAfter);
    }

    /// <summary>Everything of a problem answer a client could tell logins apart by (all but the per-request trace id).</summary>
    public static string Visible(ApiResponse response) =>
        $"{response.StatusCode} {response.ContentType} {response.Code} {Field(response, "type")} {Field(response, "title")} {Field(response, "detail")} {Field(response, "status")}";

    private static string Field(ApiResponse response, string name) =>
        response.IsJsonObject && response.Json.TryGetProperty(name, out var value) ? value.ToString() : "-";
}

/// <summary>
/// The sign-in throttle over time (ADR 0019): the app once more over the fixture's database with a clock the
/// test moves, and the per-account ceiling against guessing from many addresses.
/// </summary>
public sealed class SignInThrottleTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private readonly ClockedHosts _hosts = new(app);

    public void Dispose()
    {
        _hosts.Dispose();
        GC.SuppressFinalize(this);
    }

    [DatabaseFact]
    public async Task WrongPasswordsFromOneAddress_MakeItWaitLongerEachTime_1_2_4Minutes_UpToTheCap()
    {
        var http = _hosts.Start(new Dictionary<string, string> { ["Security:SignInMaxWaitMinutes"] = "4" });
        var login = await CreateAccountAsync();
        const string address = "203.0.113.71";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await SignIn.SendAsync(http, login, "Wrong@2026", address)).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        foreach (var minutes in new[] { 1, 2, 4, 4 })
        {
            var waiting = await SignIn.SendAsync(http, login, TestData.StrongPassword, address);
            waiting.Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
            Assert.Equal($"登录失败次数过多，请 {minutes} 分钟后再试。", waiting.Response.Text("detail"));
            Assert.InRange(waiting.RetryAfterSeconds, ((minutes - 1) * 60) + 1, minutes * 60);

            // Still waiting just before the time is up; one more wrong password once it is.
            _hosts.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(30));
            (await SignIn.SendAsync(http, login, TestData.StrongPassword, address)).Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
            _hosts.Advance(TimeSpan.FromSeconds(31));
            (await SignIn.SendAsync(http, login, "Wrong@2026", address)).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        // Once the wait is over, the right password gets in — and the address starts afresh.
        _hosts.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));
        (await SignIn.SendAsync(http, login, TestData.StrongPassword, address)).Response.Expect(HttpStatusCode.OK);
        (await SignIn.SendAsync(http, login, "Wrong@2026", address)).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await SignIn.SendAsync(http, login, TestData.StrongPassword, address)).Response.Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task AnAccountGuessedAtFromManyAddresses_MakesEachFailingAddressWaitAtOnce_ButNeverARightPasswordFromAFreshAddress()
    {
        var http = _hosts.Start(new Dictionary<string, string> { ["Security:SignInAccountFailuresPerHour"] = "6" });
        var login = await CreateAccountAsync();

        // Six addresses, one guess each: each stays under the per-address threshold, together they reach the ceiling.
        for (var i = 1; i <= 6; i++)
        {
            (await SignIn.SendAsync(http, login, "Wrong@2026", $"203.0.113.{80 + i}")).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        // Now one wrong password is enough for an address to wait the longest wait (15 minutes by default).
        (await SignIn.SendAsync(http, login, "Wrong@2026", "203.0.113.90")).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var waiting = await SignIn.SendAsync(http, login, TestData.StrongPassword, "203.0.113.90");
        waiting.Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.Equal("登录失败次数过多，请 15 分钟后再试。", waiting.Response.Text("detail"));

        // The owner, from an address that has not failed, signs in with the right password all the same.
        (await SignIn.SendAsync(http, login, TestData.StrongPassword, "198.51.100.90")).Response.Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ForwardedFor_IsIgnored_WhenNoProxyIsConfigured()
    {
        // Default configuration: no trusted proxy. Every request comes from loopback, whatever it claims.
        var http = _hosts.Start(new Dictionary<string, string> { ["Network:TrustedProxies"] = "" });
        var login = await CreateAccountAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await SignIn.SendAsync(http, login, "Wrong@2026", $"203.0.113.{100 + attempt}")).Response.ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        // Five "different" addresses were one and the same: a sixth claimed address waits with them.
        (await SignIn.SendAsync(http, login, TestData.StrongPassword, "198.51.100.106")).Response.ExpectProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");

        // While the fixture's host, which trusts loopback as its proxy, sees the claimed address.
        (await SignIn.SendAsync(app.Http, login, TestData.StrongPassword, "198.51.100.106")).Response.Expect(HttpStatusCode.OK);
    }

    private async Task<string> CreateAccountAsync()
    {
        var login = TestData.Login("throttle");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "测试账号", role = "Resident", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        return login;
    }
}
