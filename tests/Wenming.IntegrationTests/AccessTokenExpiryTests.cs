using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// An access token ends when it expires (Security:AccessTokenMinutes), also once it has been used and remembered
/// (issue 19, ADR 0062: what a token decrypted to is kept, and a remembered token is read from the header as it is):
/// the app once more over the fixture's database, with a clock the test moves (<see cref="ClockedHosts"/>).
/// </summary>
public sealed class AccessTokenExpiryTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private readonly ClockedHosts _hosts = new(app);

    public void Dispose()
    {
        _hosts.Dispose();
        GC.SuppressFinalize(this);
    }

    [DatabaseFact]
    public async Task AUsedToken_Answers401_OnceItsMinutesArePast_AndASignInAfterwardsWorksAgain()
    {
        var http = _hosts.Start(TenMinuteTokens);
        var client = new ApiClient(http, () => Task.FromResult<string?>(null), "127.0.0.1");
        var token = (await client.PostAsync("/api/v1/auth/token", new { login = "village1", password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK).Text("accessToken");
        var withToken = new ApiClient(http, () => Task.FromResult<string?>(token), "127.0.0.1");

        // Used twice: the second use finds it remembered.
        (await withToken.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        (await withToken.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        _hosts.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("village1", (await withToken.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Text("login"));

        _hosts.Advance(TimeSpan.FromMinutes(2));
        (await withToken.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        (await withToken.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");

        var fresh = (await client.PostAsync("/api/v1/auth/token", new { login = "village1", password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK).Text("accessToken");
        (await new ApiClient(http, () => Task.FromResult<string?>(fresh), "127.0.0.1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task AHeaderThatIsNotExactlyBearerAndTheToken_IsNotSignedIn()
    {
        var http = _hosts.Start(TenMinuteTokens);
        var token = (await new ApiClient(http, () => Task.FromResult<string?>(null), "127.0.0.1")
            .PostAsync("/api/v1/auth/token", new { login = "village1", password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK).Text("accessToken");
        (await new ApiClient(http, () => Task.FromResult<string?>(token), "127.0.0.1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        foreach (var header in new[] { $"bearer {token}", $"Bearer {token}x", $"Bearer {token[..^1]}", "Bearer " })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{header[..Math.Min(header.Length, 12)]}…: {response.StatusCode}");
        }
    }

    private static readonly Dictionary<string, string> TenMinuteTokens = new() { ["Security:AccessTokenMinutes"] = "10" };
}
