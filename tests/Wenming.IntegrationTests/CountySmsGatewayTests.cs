using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// A county's own text-message gateway (issue 16, ADR 0056): only the county's center admins set it, the key is
/// stored but never shown back, and a forgotten password's code goes through the gateway of the account's county —
/// two counties, two stub gateways on local ports, each code at its own county's.
/// </summary>
public sealed partial class CountySmsGatewayTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex(@"验证码是(\d{6})")]
    private static partial Regex CodePattern();

    private string GatewayPath(string county) => $"/api/v1/counties/{app.Demo.Unit(county)}/sms-gateway";

    private async Task<ApiClient> County2AdminAsync()
    {
        var login = TestData.Login("county2admin");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县管理员", role = "CenterAdmin", orgUnitId = app.Demo.Unit("county2") }))
            .Expect(HttpStatusCode.Created);
        return app.As(login, TestData.StrongPassword);
    }

    [DatabaseFact]
    public async Task Gateway_IsSetByTheCountysCenterAdminOnly_WithChineseFieldErrors_AndTheKeyIsNeverShownBack()
    {
        foreach (var other in new[] { "town1", "village1", "admin", "supervisor1" })
        {
            (await app.As(other).GetAsync(GatewayPath("county"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
            (await app.As(other).PutAsync(GatewayPath("county"), new { kind = "Log" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        }

        (await app.As("center").GetAsync(GatewayPath("county2"))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var initial = (await app.As("center").GetAsync(GatewayPath("county"))).Expect(HttpStatusCode.OK);
        Assert.Equal("Default", initial.Text("kind"));

        var badUrl = (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", url = "ftp://gateway.example/sms" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("http", Assert.Single(badUrl.FieldErrors("url")), StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(badUrl.FieldErrors("url")));
        var noUrl = (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", key = "k" })).Expect(HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(noUrl.FieldErrors("url")));
        var badTemplate = (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Log", template = "没有验证码占位" })).Expect(HttpStatusCode.BadRequest);
        Assert.Single(badTemplate.FieldErrors("template"));
        (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Pigeon" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Default", (await app.As("center").GetAsync(GatewayPath("county"))).Expect(HttpStatusCode.OK).Text("kind"));

        const string secret = "county-secret-key-7731";
        var saved = (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", url = "https://sms.example.cn/send", sign = "青山县文明实践", key = secret }))
            .Expect(HttpStatusCode.OK);
        Assert.True(saved.Json.GetProperty("keySet").GetBoolean());
        Assert.DoesNotContain(secret, saved.Body, StringComparison.Ordinal);
        var read = (await app.As("center").GetAsync(GatewayPath("county"))).Expect(HttpStatusCode.OK);
        Assert.Equal("Http", read.Text("kind"));
        Assert.Equal("https://sms.example.cn/send", read.Text("url"));
        Assert.DoesNotContain(secret, read.Body, StringComparison.Ordinal);

        // An empty key keeps the stored one; clearKey removes it.
        Assert.True((await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", url = "https://sms.example.cn/v2" })).Expect(HttpStatusCode.OK)
            .Json.GetProperty("keySet").GetBoolean());
        Assert.False((await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", url = "https://sms.example.cn/v2", clearKey = true })).Expect(HttpStatusCode.OK)
            .Json.GetProperty("keySet").GetBoolean());

        var audit = (await app.As("center").GetAsync($"/api/v1/audit-entries?entityType=SmsGateway&entityId={app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, audit.Items.Count);
        Assert.All(audit.Items, e => Assert.Equal("center", e.GetProperty("login").GetString()));
        Assert.DoesNotContain(secret, audit.Body, StringComparison.Ordinal);
        Assert.Contains("sms.example.cn", audit.Body, StringComparison.Ordinal);

        (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Default" })).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ForgottenPassword_GoesToTheGatewayOfTheAccountsCounty_AndTheTestMessageToo()
    {
        var gatewayA = new SmsGatewayStub();
        var gatewayB = new SmsGatewayStub();
        var county2 = await County2AdminAsync();
        (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Http", url = gatewayA.Url, sign = "青山县文明实践", key = "key-a" })).Expect(HttpStatusCode.OK);
        (await county2.PutAsync(GatewayPath("county2"), new { kind = "Http", url = gatewayB.Url, key = "key-b", template = "您的验证码是{code}，{minutes}分钟内有效。" }))
            .Expect(HttpStatusCode.OK);

        // A resident of each county, each with the phone they sign in with.
        var name = TestData.Name("县短信");
        var phoneA = TestData.Phone();
        (await SignUpTests.Phone(app).PostAsync("/api/v1/public/registrations", SignUpTests.Form(app, name, phone: phoneA))).Expect(HttpStatusCode.Accepted);
        (await app.As("village1").PostAsync($"/api/v1/registrations/{(await SignUpTests.PendingAsync(app, name)).GetProperty("id").GetInt64()}/confirm")).Expect(HttpStatusCode.OK);
        var phoneB = TestData.Phone();
        var personB = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("云岭居民"), idNumber = TestData.IdNumber(), phone = phoneB, orgUnitId = app.Demo.Unit("county2-village") }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync("/api/v1/accounts", new { login = TestData.Login("yunling"), password = TestData.StrongPassword, displayName = "云岭居民", role = "Resident", orgUnitId = app.Demo.Unit("county2-village"), personId = personB }))
            .Expect(HttpStatusCode.Created);

        var askedA = (await SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets", new { login = phoneA })).Expect(HttpStatusCode.Accepted);
        Assert.True(askedA.Json.GetProperty("codeMayBeSent").GetBoolean());
        var toA = gatewayA.Last(phoneA) ?? throw new InvalidOperationException("County A's gateway received nothing");
        Assert.Equal("Bearer key-a", toA.Authorization);
        Assert.Equal("青山县文明实践", toA.Sign);
        Assert.StartsWith("【青山县文明实践】", toA.Text, StringComparison.Ordinal);
        Assert.Matches(CodePattern(), toA.Text);
        Assert.Equal(0, gatewayB.Count(phoneA));
        Assert.Null(SmsGatewayStub.Instance.Last(phoneA));

        (await SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets", new { login = phoneB })).Expect(HttpStatusCode.Accepted);
        var toB = gatewayB.Last(phoneB) ?? throw new InvalidOperationException("County B's gateway received nothing");
        Assert.Equal("Bearer key-b", toB.Authorization);
        Assert.StartsWith("您的验证码是", toB.Text, StringComparison.Ordinal);
        Assert.Equal(0, gatewayA.Count(phoneB));

        var code = CodePattern().Match(toB.Text).Groups[1].Value;
        (await SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets/code", new { login = phoneB, code, newPassword = "Yunling@2026" })).Expect(HttpStatusCode.NoContent);
        (await app.SignInAsync(phoneB, "Yunling@2026")).Expect(HttpStatusCode.OK);

        // The test button: through the county's gateway as saved; a malformed number is refused with a Chinese message.
        var testPhone = TestData.Phone();
        Assert.True((await app.As("center").PostAsync(GatewayPath("county") + "/test", new { phone = testPhone })).Expect(HttpStatusCode.OK).Json.GetProperty("sent").GetBoolean());
        Assert.Contains("测试短信", gatewayA.Last(testPhone)?.Text, StringComparison.Ordinal);
        var bad = (await app.As("center").PostAsync(GatewayPath("county") + "/test", new { phone = "12345" })).Expect(HttpStatusCode.BadRequest);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(bad.FieldErrors("phone")));

        // Switched off: the county's accounts get no code (the station resets), whatever the other county has.
        (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "None" })).Expect(HttpStatusCode.OK);
        var before = gatewayA.Count(phoneA);
        (await SignUpTests.Phone(app).PostAsync("/api/v1/public/password-resets", new { login = phoneA })).Expect(HttpStatusCode.Accepted);
        Assert.Equal(before, gatewayA.Count(phoneA));
        (await app.As("center").PostAsync(GatewayPath("county") + "/test", new { phone = testPhone })).ExpectProblem(HttpStatusCode.Conflict, "account.sms_gateway_none");

        (await app.As("center").PutAsync(GatewayPath("county"), new { kind = "Default" })).Expect(HttpStatusCode.OK);
        (await county2.PutAsync(GatewayPath("county2"), new { kind = "Default" })).Expect(HttpStatusCode.OK);
    }
}
