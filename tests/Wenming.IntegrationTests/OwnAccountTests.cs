using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Self-service on 我的 (issue 11, RULES.md Accounts): everyone changes their own password and phone number.</summary>
public sealed partial class OwnAccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewPassword = "Renewed@2027";

    [DatabaseFact]
    public async Task ChangePassword_WithAWrongCurrentPassword_Answers400InChinese_AndChangesNothing()
    {
        var (login, _) = await NewResidentAsync();
        var token = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken");

        var refused = await app.WithToken(token).PostAsync("/api/v1/me/password", new { currentPassword = "Wrong@2026", newPassword = NewPassword });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "account.current_password_wrong");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("currentPassword")));
        (await app.WithToken(token).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(login, NewPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ChangePassword_ToAWeakOne_OrToTheLogin_Answers400_AndTheOldPasswordStillWorks()
    {
        // A login that would pass the character rules as a password.
        var (login, _) = await NewResidentAsync("Pass" + TestData.Login("Word"));
        var me = app.WithToken((await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken"));

        var weak = await me.PostAsync("/api/v1/me/password", new { currentPassword = TestData.StrongPassword, newPassword = "weak" });
        var asLogin = await me.PostAsync("/api/v1/me/password", new { currentPassword = TestData.StrongPassword, newPassword = login });
        var missing = await me.PostAsync("/api/v1/me/password", new { currentPassword = TestData.StrongPassword });

        weak.ExpectProblem(HttpStatusCode.BadRequest, "account.password_weak");
        Assert.Contains(weak.FieldErrors("newPassword"), m => m.Contains('8', StringComparison.Ordinal));
        asLogin.ExpectProblem(HttpStatusCode.BadRequest, "account.password_weak");
        Assert.Equal("密码不能与登录名相同。", Assert.Single(asLogin.FieldErrors("newPassword")));
        missing.ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(missing.FieldErrors("newPassword")));
        (await me.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ChangePassword_EndsEveryOtherSession_OnlyTheNewPasswordSignsIn_AndTheAuditHoldsNoSecret()
    {
        var (login, accountId) = await NewResidentAsync();
        var phone = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        var laptop = (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);

        (await app.WithToken(phone.Text("accessToken")).PostAsync("/api/v1/me/password", new { currentPassword = TestData.StrongPassword, newPassword = NewPassword }))
            .Expect(HttpStatusCode.NoContent);

        (await app.WithToken(laptop.Text("accessToken")).GetAsync("/api/v1/me")).Expect(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = laptop.Text("refreshToken") })).Expect(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = phone.Text("refreshToken") })).Expect(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(login, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        (await app.SignInAsync(login, NewPassword)).Expect(HttpStatusCode.OK);

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=AppUser&entityId={accountId}&pageSize=100")).Expect(HttpStatusCode.OK);
        var change = Assert.Single(entries.Items, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == login);
        var hash = change.GetProperty("changes").GetProperty("PasswordHash");
        Assert.Equal("***", hash.GetProperty("old").GetString());
        Assert.Equal("***", hash.GetProperty("new").GetString());
        Assert.DoesNotContain(NewPassword, entries.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.StrongPassword, entries.Body, StringComparison.Ordinal);
        // Identity's v3 hashes start with AQAAAA (base64 of the format marker): no hash leaks either.
        Assert.DoesNotContain("AQAAAA", entries.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ChangePhone_ToAnInvalidNumber_Answers400_AndKeepsTheOldOne()
    {
        var (login, _, personId, oldPhone) = await NewResidentWithPersonAsync();
        var me = app.WithToken((await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken"));

        foreach (var bad in new[] { "12345", "02088886666", "", "1861234567a" })
        {
            var refused = await me.PutAsync("/api/v1/me/phone", new { phone = bad });
            refused.ExpectProblem(HttpStatusCode.BadRequest, "person.phone_invalid");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("phone")));
        }

        Assert.Equal(oldPhone, (await app.As("village1").GetAsync($"/api/v1/people/{personId}")).Expect(HttpStatusCode.OK).Text("phone"));
    }

    [DatabaseFact]
    public async Task ChangePhone_ChangesThePersonAndTheSignInNumber_Audited_AndANumberOfAnotherAccountIsRefused()
    {
        var (login, accountId, personId, oldPhone) = await NewResidentWithPersonAsync();
        var (_, _, _, takenPhone) = await NewResidentWithPersonAsync();
        var me = app.WithToken((await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK).Text("accessToken"));
        var newPhone = TestData.Phone();

        var changed = (await me.PutAsync("/api/v1/me/phone", new { phone = newPhone[..3] + " " + newPhone[3..7] + "-" + newPhone[7..] })).Expect(HttpStatusCode.OK);
        var taken = await me.PutAsync("/api/v1/me/phone", new { phone = takenPhone });

        Assert.Equal(newPhone, changed.Text("phone"));
        taken.ExpectProblem(HttpStatusCode.Conflict, "account.phone_taken");
        Assert.Equal(newPhone, (await app.As("village1").GetAsync($"/api/v1/people/{personId}")).Expect(HttpStatusCode.OK).Text("phone"));
        (await app.SignInAsync(newPhone, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        (await app.SignInAsync(oldPhone, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=AppUser&entityId={accountId}&pageSize=100")).Expect(HttpStatusCode.OK);
        var audited = Assert.Single(entries.Items, e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("login").GetString() == login);
        Assert.Equal("***", audited.GetProperty("changes").GetProperty("PhoneNumber").GetProperty("new").GetString());
        var personEntries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Person&entityId={personId}&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(personEntries.Items, e => e.GetProperty("login").GetString() == login && e.GetProperty("changes").TryGetProperty("Phone", out _));
        Assert.DoesNotContain(newPhone, entries.Body + personEntries.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ThePasswordPage_ReShowsTheFormWithChineseMessages_AndKeepsThisBrowserSignedInAfterTheChange()
    {
        var (login, _) = await NewResidentAsync();
        using var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await PostFormAsync(browser, "/account/login", new() { ["Login"] = login, ["Password"] = TestData.StrongPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Contains("href=\"/me/password\"", await browser.GetStringAsync("/me"), StringComparison.Ordinal);

        using (var wrong = await PostFormAsync(browser, "/me/password", new() { ["Input.CurrentPassword"] = "Wrong@2026", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }))
        {
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("name=\"Input.CurrentPassword\"", html, StringComparison.Ordinal);
            Assert.Contains("当前密码不正确", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Wrong@2026", html, StringComparison.Ordinal);
        }

        using (var mismatch = await PostFormAsync(browser, "/me/password", new() { ["Input.CurrentPassword"] = TestData.StrongPassword, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = "Other@2027" }))
        {
            Assert.Contains("两次输入的新密码不一致", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var done = await PostFormAsync(browser, "/me/password", new() { ["Input.CurrentPassword"] = TestData.StrongPassword, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.Equal("/me", done.Headers.Location?.OriginalString);
        }

        using var after = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("密码已修改", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await app.SignInAsync(login, NewPassword)).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ThePhonePage_ReShowsTheFormOnABadNumber()
    {
        var (login, _, _, oldPhone) = await NewResidentWithPersonAsync();
        using var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await PostFormAsync(browser, "/account/login", new() { ["Login"] = login, ["Password"] = TestData.StrongPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Contains(oldPhone, await browser.GetStringAsync("/me/phone"), StringComparison.Ordinal);
        using var bad = await PostFormAsync(browser, "/me/phone", new() { ["Input.Phone"] = "12345" });
        var html = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("name=\"Input.Phone\"", html, StringComparison.Ordinal);
        Assert.Matches(@"field-error[^>]*>[^<]*\p{IsCJKUnifiedIdeographs}", html);
    }

    [DatabaseFact]
    public async Task TheFavicon_IsServed_AndEveryPageLinksIt()
    {
        using var browser = app.Factory.CreateClient();
        using var icon = await browser.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rel=\"icon\" href=\"/favicon.ico\"", await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    private async Task<(string Login, long AccountId)> NewResidentAsync(string? login = null)
    {
        login ??= TestData.Login("self");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "自助", role = "Resident", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        return (login, created.Id);
    }

    private async Task<(string Login, long AccountId, long PersonId, string Phone)> NewResidentWithPersonAsync()
    {
        var phone = TestData.Phone();
        var person = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("自助"), idNumber = TestData.IdNumber(), phone, orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        var login = TestData.Login("selfp");
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "自助", role = "Resident", orgUnitId = app.Demo.Unit("village1"), personId = person.Id }))
            .Expect(HttpStatusCode.Created);
        return (login, created.Id, person.Id, phone);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
