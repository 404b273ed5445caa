using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests;

/// <summary>
/// Issue 19: an authenticated request reads its account and unit in one statement, and /me answers from that read —
/// while a deactivation, a role change and a rotated security stamp still take effect on the very next request
/// (ADR 0003).
/// </summary>
public sealed class ActorResolutionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task An_authenticated_request_whose_handler_reads_nothing_issues_exactly_one_statement()
    {
        await using var host = new RecordedHost(app);
        var recorder = host.Recorder;
        var me = await host.SignInAsync("resident1");
        // The first request warms what a host reads once (the key ring, the account statement's command).
        (await me.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        recorder.Start();
        var answer = (await me.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        var statements = recorder.Stop();

        Assert.True(statements.Count == 1, $"/api/v1/me issued {statements.Count} statements:\n" + string.Join("\n", statements.Select(s => s.Sql)));
        // On PostgreSQL the account is read without an EF Core context (ADR 0096), so with PostgreSQL's positional
        // parameter; on SQLite through the context's prepared statement, with a named one.
        Assert.Equal(app.Provider == DatabaseProvider.Postgres, statements[0].Sql.Contains("= $1", StringComparison.Ordinal));
        Assert.Equal("resident1", answer.Text("login"));
        Assert.Equal(app.Demo.Unit("village1"), answer.Number("orgUnitId"));
        Assert.Equal(app.Demo.Person("resident1"), answer.Number("personId"));
        Assert.False(string.IsNullOrEmpty(answer.Text("orgUnitName")));
        Assert.StartsWith("/", answer.Text("orgUnitPath"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_role_change_a_password_reset_and_a_deactivation_each_end_the_old_token_on_the_next_request()
    {
        var login = TestData.Login("actor");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "在岗", role = "Volunteer", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        var token = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken");
        var own = app.WithToken(token);
        Assert.Equal(["Volunteer"], Roles(await own.GetAsync("/api/v1/me")));

        // A role change rotates the stamp: the old session ends, and the next sign-in carries the new roles.
        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/roles", new { roles = new[] { "Volunteer", "TeamLeader" } })).Expect(HttpStatusCode.OK);
        (await own.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
        var regranted = app.WithToken((await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken"));
        Assert.Equal(["TeamLeader", "Volunteer"], Roles(await regranted.GetAsync("/api/v1/me")).Order());

        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/reset-password", new { password = "Renewed@2027" })).Expect(HttpStatusCode.OK);
        (await regranted.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");

        var renewed = app.WithToken((await app.SignInAsync(login, "Renewed@2027")).Expect(HttpStatusCode.OK).Text("accessToken"));
        (await renewed.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/deactivate")).Expect(HttpStatusCode.OK);
        (await renewed.GetAsync("/api/v1/me")).ExpectProblem(HttpStatusCode.Unauthorized, "auth.unauthorized");
    }

    [DatabaseFact]
    public async Task Many_accounts_signed_in_at_once_are_each_answered_as_themselves()
    {
        // The account's statement is built once and shared by every request (ADR 0082): requests at the same time must
        // each run it on their own connection and read their own row.
        string[] logins = ["resident1", "resident2", "volunteer1", "leader1", "village1", "village2", "town1", "center"];
        var clients = logins.Select(l => (Login: l, Client: app.As(l))).ToList();
        foreach (var (_, client) in clients)
        {
            (await client.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).SelectMany(_ => clients).Select(async c => (c.Login, Answer: await c.Client.GetAsync("/api/v1/me"))));

        Assert.Equal(25 * logins.Length, answers.Length);
        Assert.All(answers, a => Assert.Equal(a.Login, a.Answer.Expect(HttpStatusCode.OK).Text("login")));
    }

    private static IEnumerable<string?> Roles(ApiResponse me) =>
        me.Expect(HttpStatusCode.OK).Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString());
}
