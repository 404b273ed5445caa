using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Residents sign up from the portal and the station confirms them; forgotten passwords reach the station
/// (RULES.md Accounts, ADR 0053). Neither answer tells whether an ID number, phone or login exists.
/// </summary>
public sealed class SignUpTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int _address;

    /// <summary>
    /// An anonymous phone from an address of its own: the public routes are limited per address, and these tests
    /// are not about the limit (<see cref="SignUpRateLimitTests"/> is).
    /// </summary>
    internal static ApiClient Phone(AppFixture app) =>
        app.Anonymous("192.0.2." + (1 + (Interlocked.Increment(ref _address) % 250)).ToString(CultureInfo.InvariantCulture));

    internal static object Form(AppFixture app, string name, string? idNumber = null, string? phone = null, string unitKey = "village1", string password = TestData.StrongPassword) =>
        new { name, idNumber = idNumber ?? TestData.IdNumber(), phone = phone ?? TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey), password };

    internal static async Task<JsonElement> PendingAsync(AppFixture app, string name, string by = "village1")
    {
        var all = await DemoMap.AllItemsAsync(app.As(by), "/api/v1/registrations?status=Pending&");
        return Assert.Single(all, r => r.GetProperty("name").GetString() == name);
    }

    [DatabaseFact]
    public async Task SignUp_IsPendingUntilTheStationConfirms_ThenTheResidentSignsInAndOrders()
    {
        var name = TestData.Name("注册");
        var phone = TestData.Phone();

        var received = (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, phone: phone))).Expect(HttpStatusCode.Accepted);
        Assert.Equal("Received", received.Text("status"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", received.Text("message"));

        // Not yet an account: it cannot sign in, so it cannot order or earn points.
        (await app.SignInAsync(phone, TestData.StrongPassword)).Expect(HttpStatusCode.Unauthorized);
        var pending = await PendingAsync(app, name);
        Assert.False(pending.GetProperty("personAlreadyRegistered").GetBoolean());
        Assert.Equal("待确认", pending.GetProperty("statusLabel").GetString());
        Assert.Matches(@"^\d{3}\*+\d{3}[\dX]$", pending.GetProperty("idNumberMasked").GetString());

        var confirmed = (await app.As("village1").PostAsync($"/api/v1/registrations/{pending.GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.Text("status"));

        var resident = app.As(phone, TestData.StrongPassword);
        var me = (await resident.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(confirmed.Number("personId"), me.Number("personId"));
        Assert.Equal(app.Demo.Unit("village1"), me.Number("orgUnitId"));
        Assert.Equal("Resident", Assert.Single(me.Json.GetProperty("roles").EnumerateArray()).GetString());
        var person = (await app.As("village1").GetAsync($"/api/v1/people/{me.Number("personId")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(name, person.Text("name"));

        (await resident.PostAsync("/api/v1/orders", new
        {
            description = TestData.Name("注册后点单"),
            orgUnitId = app.Demo.Unit("village1"),
            wantedAt = DateTimeOffset.UtcNow.AddDays(2),
            contactPhone = phone,
            address = "5组8号",
        })).Expect(HttpStatusCode.Created);

        // Audited: the anonymous sign-up (from the phone's address) and the station's confirmation.
        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Registration&entityId={pending.GetProperty("id").GetInt64()}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1");
        Assert.DoesNotContain(entries, e => e.GetProperty("changes").ToString().Contains(TestData.StrongPassword, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Reject_NeedsAReason_AndLeavesNoAccount()
    {
        var name = TestData.Name("驳回");
        var phone = TestData.Phone();
        (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, phone: phone))).Expect(HttpStatusCode.Accepted);
        var id = (await PendingAsync(app, name)).GetProperty("id").GetInt64();

        var blank = (await app.As("village1").PostAsync($"/api/v1/registrations/{id}/reject", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(blank.FieldErrors("reason")));

        var rejected = (await app.As("village1").PostAsync($"/api/v1/registrations/{id}/reject", new { reason = "非本村居民" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Text("status"));
        Assert.Equal("非本村居民", rejected.Text("reason"));
        (await app.As("village1").PostAsync($"/api/v1/registrations/{id}/confirm")).ExpectProblem(HttpStatusCode.Conflict, "account.registration_not_pending");
        (await app.SignInAsync(phone, TestData.StrongPassword)).Expect(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task DuplicateIdNumber_IsFlaggedForTheStation_AndConfirmingLinksTheExistingPerson()
    {
        var idNumber = TestData.IdNumber();
        var name = TestData.Name("已有");
        var existing = (await app.As("village1").PostAsync("/api/v1/people", new { name, idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created).Id;
        var phone = TestData.Phone();

        (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, idNumber, phone))).Expect(HttpStatusCode.Accepted);

        var pending = await PendingAsync(app, name);
        Assert.True(pending.GetProperty("personAlreadyRegistered").GetBoolean());
        Assert.Equal(existing, pending.GetProperty("existingPersonId").GetInt64());
        var confirmed = (await app.As("village1").PostAsync($"/api/v1/registrations/{pending.GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);

        Assert.Equal(existing, confirmed.Number("personId"));
        Assert.Equal(existing, (await app.As(phone, TestData.StrongPassword).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId"));
        var people = (await app.Admin.GetAsync($"/api/v1/people?q={Uri.EscapeDataString(name)}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, people.Total);
    }

    [DatabaseFact]
    public async Task Answers_GiveNoHint_WhetherAnIdNumberPhoneOrLoginExists()
    {
        var idNumber = TestData.IdNumber();
        (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("在册"), idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        var residentPhone = (await app.As("resident1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        var takenPhone = (await app.As("village1").GetAsync($"/api/v1/people/{residentPhone.Number("personId")}")).Expect(HttpStatusCode.OK).Text("phone");

        var fresh = await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, TestData.Name("新人")));
        var knownId = await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, TestData.Name("重号"), idNumber));
        var knownPhone = await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, TestData.Name("重机"), phone: takenPhone));

        Assert.All(new[] { fresh, knownId, knownPhone }, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        Assert.Equal(fresh.Body, knownId.Body);
        Assert.Equal(fresh.Body, knownPhone.Body);

        var existingLogin = await Phone(app).PostAsync("/api/v1/public/password-resets", new { login = "resident3" });
        var existingPhone = await Phone(app).PostAsync("/api/v1/public/password-resets", new { login = takenPhone });
        var nobody = await Phone(app).PostAsync("/api/v1/public/password-resets", new { login = TestData.Login("nobody") });
        Assert.All(new[] { existingLogin, existingPhone, nobody }, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        Assert.Equal(nobody.Body, existingLogin.Body);
        Assert.Equal(nobody.Body, existingPhone.Body);

        // A code for a login that does not exist is refused exactly like a wrong code for one that does.
        var noUser = await Phone(app).PostAsync("/api/v1/public/password-resets/code", new { login = TestData.Login("nobody"), code = "123456", newPassword = TestData.StrongPassword });
        var noCode = await Phone(app).PostAsync("/api/v1/public/password-resets/code", new { login = "resident3", code = "123456", newPassword = TestData.StrongPassword });
        noUser.ExpectProblem(HttpStatusCode.BadRequest, "account.reset_code_invalid");
        Assert.Equal(WithoutTrace(noUser), WithoutTrace(noCode));
    }

    /// <summary>A problem's body without its trace id, which differs per request.</summary>
    private static string WithoutTrace(ApiResponse problem) =>
        $"{problem.StatusCode} {problem.Code} {problem.Text("detail")} {problem.Json.GetProperty("errors")}";

    [DatabaseFact]
    public async Task BadInput_Is400WithChineseFieldMessages_AndNothingIsRegistered()
    {
        var name = TestData.Name("错填");
        var bad = await Phone(app).PostAsync("/api/v1/public/registrations", new { name, idNumber = "110101199001011234", phone = "12345", orgUnitId = app.Demo.Unit("township1"), password = "short" });

        bad.Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "idNumber", "phone", "orgUnitId", "password" })
        {
            // A short password breaks several rules at once; each message is Chinese.
            Assert.NotEmpty(bad.FieldErrors(field));
            Assert.All(bad.FieldErrors(field), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
        }

        var blank = await Phone(app).PostAsync("/api/v1/public/registrations", new { });
        blank.Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(blank.FieldErrors("name"));
        Assert.NotEmpty(blank.FieldErrors("password"));

        // The password is checked against the login it will be (the phone number), as RULES.md asks.
        var weak = await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, password: "abcdefgh"));
        weak.ExpectProblem(HttpStatusCode.BadRequest, "account.password_weak");

        var all = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/registrations?");
        Assert.DoesNotContain(all, r => r.GetProperty("name").GetString() == name);
    }

    [DatabaseFact]
    public async Task Registrations_AreScopedToTheStation()
    {
        var name = TestData.Name("本村");
        (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name))).Expect(HttpStatusCode.Accepted);
        var id = (await PendingAsync(app, name)).GetProperty("id").GetInt64();

        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("village2"), "/api/v1/registrations?"), r => r.GetProperty("id").GetInt64() == id);
        (await app.As("village2").GetAsync($"/api/v1/registrations/{id}")).Expect(HttpStatusCode.NotFound);
        (await app.As("village2").PostAsync($"/api/v1/registrations/{id}/confirm")).Expect(HttpStatusCode.NotFound);
        (await app.As("resident1").GetAsync("/api/v1/registrations")).Expect(HttpStatusCode.Forbidden);
        (await app.As("town1").GetAsync($"/api/v1/registrations/{id}")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ConfirmingAtOnce_CreatesOneAccount()
    {
        var name = TestData.Name("并发");
        var phone = TestData.Phone();
        (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, phone: phone))).Expect(HttpStatusCode.Accepted);
        var id = (await PendingAsync(app, name)).GetProperty("id").GetInt64();
        var station = app.As("village1");
        await station.GetAsync("/api/v1/me");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => station.PostAsync($"/api/v1/registrations/{id}/confirm")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var accounts = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/accounts?q={phone}&");
        Assert.Single(accounts);
    }

    [DatabaseFact]
    public async Task ForgottenPassword_WithoutAGateway_ReachesTheStation_WhichResets()
    {
        var name = TestData.Name("忘记");
        var phone = TestData.Phone();
        (await Phone(app).PostAsync("/api/v1/public/registrations", Form(app, name, phone: phone))).Expect(HttpStatusCode.Accepted);
        (await app.As("village1").PostAsync($"/api/v1/registrations/{(await PendingAsync(app, name)).GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);

        var asked = (await Phone(app).PostAsync("/api/v1/public/password-resets", new { login = phone })).Expect(HttpStatusCode.Accepted);
        Assert.False(asked.Json.GetProperty("codeMayBeSent").GetBoolean());

        var open = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/password-resets?status=Open&");
        var request = Assert.Single(open, r => r.GetProperty("displayName").GetString() == name);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("village2"), "/api/v1/password-resets?"), r => r.GetProperty("id").GetInt64() == request.GetProperty("id").GetInt64());
        var id = request.GetProperty("id").GetInt64();

        (await app.As("village1").PostAsync($"/api/v1/password-resets/{id}/reset", new { password = "short" })).Expect(HttpStatusCode.BadRequest);
        var done = (await app.As("village1").PostAsync($"/api/v1/password-resets/{id}/reset", new { password = "Renewed@2026" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Done", done.Text("status"));
        (await app.SignInAsync(phone, "Renewed@2026")).Expect(HttpStatusCode.OK);
        (await app.As("village1").PostAsync($"/api/v1/password-resets/{id}/reset", new { password = "Again@2026x" })).ExpectProblem(HttpStatusCode.Conflict, "account.reset_done");

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=PasswordResetRequest&entityId={id}&pageSize=100")).Expect(HttpStatusCode.OK).Items;
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == "village1");
    }

    [DatabaseFact]
    public async Task Pages_SignUpAndForgot_AreOpenToAnyone_AndLinkedFromSignIn()
    {
        var signUp = await app.Http.GetAsync(new Uri("/account/signup", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var html = await signUp.Content.ReadAsStringAsync();
        Assert.Contains("居民注册", html, StringComparison.Ordinal);
        Assert.Contains("桃花村", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(new Uri("/account/forgot", UriKind.Relative))).StatusCode);
        var login = await (await app.Http.GetAsync(new Uri("/account/login", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/account/signup\"", login, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/forgot\"", login, StringComparison.Ordinal);
    }
}

/// <summary>The per-address limit of the public sign-up and reset routes, set low in an app of its own.</summary>
public sealed class SignUpRateLimitTests(SignUpLimitedApp app) : IClassFixture<SignUpLimitedApp>
{
    [DatabaseFact]
    public async Task SignUpAndReset_BeyondThePerAddressLimit_Answer429()
    {
        const string address = "203.0.113.77";
        for (var i = 0; i < SignUpLimitedApp.Limit; i++)
        {
            (await app.Anonymous(address).PostAsync("/api/v1/public/registrations", new { })).Expect(HttpStatusCode.BadRequest);
        }

        (await app.Anonymous(address).PostAsync("/api/v1/public/registrations", new { })).ExpectProblem(HttpStatusCode.TooManyRequests, "auth.rate_limited");
        (await app.Anonymous(address).PostAsync("/api/v1/public/password-resets", new { login = "x" })).ExpectProblem(HttpStatusCode.TooManyRequests, "auth.rate_limited");
        // Per address: another office may still sign up.
        (await app.Anonymous("203.0.113.78").PostAsync("/api/v1/public/password-resets", new { login = "x" })).Expect(HttpStatusCode.Accepted);
    }
}

public sealed class SignUpLimitedApp : AppFixture
{
    public const int Limit = 3;

    protected override bool SeedDemo => false;

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["RateLimits:SignUpPerMinutePerAddress"] = Limit.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>
/// The code by text message through the generic HTTP gateway adapter, against a real HTTP server on a free port
/// of this machine (<see cref="SmsGatewayStub"/>): what the gateway receives is what a phone would show.
/// </summary>
public sealed partial class SmsPasswordResetTests(SmsApp app) : IClassFixture<SmsApp>
{
    [GeneratedRegex(@"验证码是(\d{6})")]
    private static partial Regex CodePattern();

    private async Task<(string Phone, string Name)> ResidentAsync()
    {
        var name = TestData.Name("短信");
        var phone = TestData.Phone();
        (await SignUpTests.Phone(app).PostAsync("/api/v1/public/registrations", SignUpTests.Form(app, name, phone: phone))).Expect(HttpStatusCode.Accepted);
        (await app.As("village1").PostAsync($"/api/v1/registrations/{(await SignUpTests.PendingAsync(app, name)).GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);
        return (phone, name);
    }

    private async Task<string> AskCodeAsync(string phone)
    {
        var asked = (await SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets", new { login = phone })).Expect(HttpStatusCode.Accepted);
        Assert.True(asked.Json.GetProperty("codeMayBeSent").GetBoolean());
        var message = SmsGatewayStub.Instance.Last(phone) ?? throw new InvalidOperationException("The gateway received nothing for " + phone);
        Assert.Equal("Bearer " + SmsApp.Key, message.Authorization);
        return CodePattern().Match(message.Text).Groups[1].Value;
    }

    private Task<ApiResponse> UseAsync(string phone, string code, string password) =>
        SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets/code", new { login = phone, code, newPassword = password });

    [DatabaseFact]
    public async Task Code_SetsANewPassword_Once()
    {
        var (phone, _) = await ResidentAsync();
        var code = await AskCodeAsync(phone);

        (await UseAsync(phone, code, "short")).Expect(HttpStatusCode.BadRequest);
        (await UseAsync(phone, code, "ByText@2026")).Expect(HttpStatusCode.NoContent);
        (await app.SignInAsync(phone, "ByText@2026")).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(phone, TestData.StrongPassword)).Expect(HttpStatusCode.Unauthorized);

        (await UseAsync(phone, code, "Reused@2026")).ExpectProblem(HttpStatusCode.BadRequest, "account.reset_code_invalid");
        (await app.SignInAsync(phone, "ByText@2026")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task WrongCodes_UseUpTheAttempts_ThenEvenTheRightCodeIsRefused()
    {
        var (phone, _) = await ResidentAsync();
        var code = await AskCodeAsync(phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            (await UseAsync(phone, wrong, "Guessed@2026")).ExpectProblem(HttpStatusCode.BadRequest, "account.reset_code_invalid");
        }

        var refused = await UseAsync(phone, code, "Guessed@2026");
        refused.ExpectProblem(HttpStatusCode.BadRequest, "account.reset_code_invalid");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("code")));
        (await app.SignInAsync(phone, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ExpiredCode_IsRefused()
    {
        var (phone, _) = await ResidentAsync();
        var code = await AskCodeAsync(phone);

        SmsApp.Clock.Shift = TimeSpan.FromMinutes(11);
        try
        {
            (await UseAsync(phone, code, "TooLate@2026")).ExpectProblem(HttpStatusCode.BadRequest, "account.reset_code_invalid");
        }
        finally
        {
            SmsApp.Clock.Shift = TimeSpan.Zero;
        }

        (await app.SignInAsync(phone, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }
}

public sealed class SmsApp : AppFixture
{
    public const string Key = "test-gateway-key";

    /// <summary>The app's clock, moved by <see cref="SmsPasswordResetTests.ExpiredCode_IsRefused"/> only.</summary>
    public static ShiftedClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Sms:Gateway"] = "Http",
        ["Sms:Url"] = SmsGatewayStub.Instance.Url,
        ["Sms:Key"] = Key,
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

/// <summary>A text-message gateway on a free local port: it records each POST and answers 200.</summary>
public sealed class SmsGatewayStub
{
    public sealed record Message(string Phone, string Text, string? Authorization, string? Sign = null);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Message> _messages = new();

    public static SmsGatewayStub Instance { get; } = new();

    /// <summary>A gateway of its own (a county's, ADR 0056); <see cref="Instance"/> is the deployment's.</summary>
    public SmsGatewayStub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public Message? Last(string phone) => _messages.LastOrDefault(m => m.Phone == phone);

    public int Count(string phone) => _messages.Count(m => m.Phone == phone);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
                _messages.Enqueue(new Message(
                    body.GetProperty("phone").GetString()!, body.GetProperty("text").GetString()!, context.Request.Headers["Authorization"],
                    body.TryGetProperty("sign", out var sign) && sign.ValueKind == JsonValueKind.String ? sign.GetString() : null));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
