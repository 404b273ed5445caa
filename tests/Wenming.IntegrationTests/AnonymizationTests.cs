using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Modules.People.Features.AnonymizePerson;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// Anonymizing a person (DESIGN §14, ADR 0023): on request through the API, and by the retention rule. What
/// identified them is gone everywhere a client or the database shows it; what they did — hours, certificates,
/// points — stays and still adds up.
/// </summary>
public sealed class AnonymizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(Text.ToChinaTime(DateTime.UtcNow).DateTime);

    /// <summary>A 16-year-old volunteer with a guardian, confirmed hours, a certificate, points and an account they signed in with.</summary>
    private sealed record Someone(long PersonId, long VolunteerId, string Name, string IdNumber, string Phone, string GuardianName, string GuardianPhone, string Login, long AccountId, string CertificateCode);

    private async Task<Someone> SomeoneWithAHistoryAsync()
    {
        var name = "晏" + TestData.Name("秋");
        var idNumber = TestData.IdNumber(Today.AddYears(-16).AddDays(-10));
        var phone = TestData.Phone();
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name, idNumber, phone, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created).Id;
        var guardianName = "监" + TestData.Name("护");
        var guardianPhone = TestData.Phone();
        var volunteerId = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId, guardian = new { name = guardianName, relation = "母亲", phone = guardianPhone } }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{volunteerId}/approve")).Expect(HttpStatusCode.OK);
        var record = new { date = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place = "桃花村文化礼堂", content = "政策宣讲", hours = 3.5m };
        var recordId = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteerId}/service-records", record)).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/service-records/{recordId}/confirm")).Expect(HttpStatusCode.OK);
        await DownloadAsync(await app.TokenAsync("admin"), $"/api/v1/volunteers/{volunteerId}/certificate");
        var code = await WithDbAsync(db => db.Set<Certificate>().IgnoreQueryFilters().Where(c => c.VolunteerId == volunteerId).Select(c => c.VerificationCode).SingleAsync());
        await Ledger.GiveAsync(app, personId, 30);
        var login = TestData.Login("anon");
        var accountId = (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = name, role = "Volunteer", orgUnitId = app.Demo.Unit("village1"), personId, phone }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        return new Someone(personId, volunteerId, name, idNumber, phone, guardianName, guardianPhone, login, accountId, code);
    }

    [DatabaseFact]
    public async Task Anonymize_ErasesNameIdNumberPhoneGuardianAndLogin_Everywhere_AndKeepsHoursCertificatesAndPoints()
    {
        var who = await SomeoneWithAHistoryAsync();
        var hoursBefore = (await app.Admin.GetAsync($"/api/v1/volunteers/{who.VolunteerId}")).Expect(HttpStatusCode.OK).Json.GetProperty("totalHours").GetDecimal();
        var pointsBefore = await Ledger.BalanceAsync(app, who.PersonId);
        Assert.Equal(3.5m, hoursBefore);

        var done = (await app.As("center").PostAsync($"/api/v1/people/{who.PersonId}/anonymize", new { reason = "本人申请删除个人信息" })).Expect(HttpStatusCode.OK);

        var placeholder = Text.Get("person.anonymized_name", who.PersonId);
        Assert.Equal("已匿名" + who.PersonId.ToString(CultureInfo.InvariantCulture), placeholder);
        Assert.Equal(placeholder, done.Text("name"));
        var person = (await app.As("village1").GetAsync($"/api/v1/people/{who.PersonId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(placeholder, person.Text("name"));
        Assert.Equal("", person.Text("phone"));
        Assert.Equal("已匿名", person.Text("idNumberMasked"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, person.Json.GetProperty("anonymizedAt").ValueKind);
        var secrets = new[] { who.Name, who.IdNumber, who.Phone, who.GuardianName, who.GuardianPhone, who.Login };
        AssertNoneOf(secrets, person.Body);

        // The row itself: no cipher, no hash of the number, no phone; nor the volunteer's guardian.
        var row = await WithDbAsync(db => db.Set<Person>().IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == who.PersonId));
        Assert.Equal("", row.IdNumberCipher);
        Assert.Equal("anonymized:" + who.PersonId.ToString(CultureInfo.InvariantCulture), row.IdNumberHash);
        AssertNoneOf(secrets, string.Join("|", row.Name, row.IdNumberMasked, row.Phone, row.AnonymizationReason));
        var volunteer = (await app.Admin.GetAsync($"/api/v1/volunteers/{who.VolunteerId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(placeholder, volunteer.Text("name"));
        AssertNoneOf(secrets, volunteer.Body);

        // The audit log: an entry for the anonymization without the erased values, and no earlier entry that still holds them.
        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Person&entityId={who.PersonId}")).Expect(HttpStatusCode.OK);
        Assert.Contains("本人申请删除个人信息", audit.Body, StringComparison.Ordinal);
        var all = await WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Select(e => e.Login + " " + e.Changes).ToListAsync());
        Assert.All(all, entry => AssertNoneOf(secrets, entry));
        var accountAudit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=AppUser&entityId={who.AccountId}")).Expect(HttpStatusCode.OK);
        Assert.Contains("anonymized-" + who.AccountId.ToString(CultureInfo.InvariantCulture), accountAudit.Body, StringComparison.Ordinal);

        // The account: deactivated, renamed, the old login no longer signs in.
        var account = (await app.Admin.GetAsync($"/api/v1/accounts/{who.AccountId}")).Expect(HttpStatusCode.OK);
        Assert.False(account.Json.GetProperty("isActive").GetBoolean());
        AssertNoneOf(secrets, account.Body);
        (await app.SignInAsync(who.Login, TestData.StrongPassword)).ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        // The volunteer export shows the placeholder and nothing of the person or their guardian.
        var export = await DownloadAsync(await app.TokenAsync("village1"), "/api/v1/volunteers/export");
        var rows = ExcelReader.Read(new MemoryStream(export)).Value;
        var line = Assert.Single(rows, r => r.Cells.Contains(placeholder));
        AssertNoneOf(secrets, string.Join("|", rows.SelectMany(r => r.Cells)));
        Assert.DoesNotContain("母亲", line.Cells);

        // The public certificate check: still valid, with the placeholder instead of the masked name.
        var check = (await app.Anonymous().GetAsync($"/api/v1/certificates/{who.CertificateCode}/verification")).Expect(HttpStatusCode.OK);
        Assert.True(check.Json.GetProperty("valid").GetBoolean());
        Assert.Equal("已匿名", check.Text("holderName"));
        Assert.Equal(hoursBefore, check.Json.GetProperty("totalHours").GetDecimal());
        var page = await app.Anonymous().GetAsync($"/verify/{who.CertificateCode}");
        Assert.Contains("已匿名", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Certificate.MaskName(who.Name), page.Body, StringComparison.Ordinal);

        // What they did stays: hours, points, and the books still balance.
        Assert.Equal(hoursBefore, (await app.Admin.GetAsync($"/api/v1/volunteers/{who.VolunteerId}")).Expect(HttpStatusCode.OK).Json.GetProperty("totalHours").GetDecimal());
        Assert.Equal(pointsBefore, await Ledger.BalanceAsync(app, who.PersonId));
        await Ledger.AssertBooksBalanceAsync(app);
    }

    [DatabaseFact]
    public async Task Anonymize_FreesTheIdNumber_ForANewRegistration()
    {
        var idNumber = TestData.IdNumber();
        var first = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("旧"), idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("重"), idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .ExpectProblem(HttpStatusCode.Conflict, "person.duplicate_id_number");

        (await app.As("center").PostAsync($"/api/v1/people/{first}/anonymize", new { reason = "本人申请" })).Expect(HttpStatusCode.OK);

        var again = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("新"), idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        Assert.NotEqual(first, again.Id);
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Anonymize_Twice_Answers409_AndWithoutAReason_400AndChangesNothing()
    {
        var name = TestData.Name("二次");
        var id = (await app.Admin.PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created).Id;

        var noReason = (await app.As("center").PostAsync($"/api/v1/people/{id}/anonymize", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Equal(Text.Get("validation.required", Text.Get("field.anonymizeReason")), Assert.Single(noReason.FieldErrors("reason")));
        Assert.Equal(name, (await app.Admin.GetAsync($"/api/v1/people/{id}")).Expect(HttpStatusCode.OK).Text("name"));

        (await app.As("center").PostAsync($"/api/v1/people/{id}/anonymize", new { reason = "本人申请" })).Expect(HttpStatusCode.OK);
        var twice = (await app.Admin.PostAsync($"/api/v1/people/{id}/anonymize", new { reason = "再次" })).ExpectProblem(HttpStatusCode.Conflict, "person.already_anonymized");
        Assert.Equal(Text.Get("person.already_anonymized"), twice.Text("detail"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", twice.Text("detail"));
    }

    [DatabaseFact]
    public async Task Anonymize_OutsideTheCallersCounty_Is404_AndBelowCenterAdmin_403_AndChangesNothing()
    {
        var other = app.Demo.Person("county2");
        var nameBefore = (await app.Admin.GetAsync($"/api/v1/people/{other}")).Expect(HttpStatusCode.OK).Text("name");
        (await app.As("center").PostAsync($"/api/v1/people/{other}/anonymize", new { reason = "越权" })).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");

        var inVillage1 = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("权"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        foreach (var login in new[] { "village1", "town1", "volunteer1", "resident1" })
        {
            (await app.As(login).PostAsync($"/api/v1/people/{inVillage1}/anonymize", new { reason = "越权" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        }

        Assert.Equal(nameBefore, (await app.Admin.GetAsync($"/api/v1/people/{other}")).Expect(HttpStatusCode.OK).Text("name"));
        var still = (await app.Admin.GetAsync($"/api/v1/people/{inVillage1}")).Expect(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, still.Json.GetProperty("anonymizedAt").ValueKind);
    }

    [DatabaseFact]
    public async Task RetentionRule_AnonymizesOnlyPeopleWithNoSignInServiceOrPointsForNYears_AndIsOffByDefault()
    {
        var idle = await PersonAsync("久");
        var earned = await PersonAsync("分");
        var signedIn = await PersonAsync("登");
        var login = TestData.Login("keep");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "登录者", role = "Resident", orgUnitId = app.Demo.Unit("village1"), personId = signedIn }))
            .Expect(HttpStatusCode.Created);
        // Registered five years ago (the clock cannot go back for the API, so the row is dated back).
        var fiveYearsAgo = DateTime.UtcNow.AddYears(-5);
        await WithDbAsync(db => db.Set<Person>().IgnoreQueryFilters().Where(p => p.Id == idle || p.Id == earned || p.Id == signedIn)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, fiveYearsAgo)));
        await WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(u => u.PersonId == signedIn)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, fiveYearsAgo)));
        (await app.SignInAsync(login, TestData.StrongPassword)).Expect(HttpStatusCode.OK);
        await Ledger.GiveAsync(app, earned, 5);

        // Off by default: Privacy:RetentionYears is 0.
        Assert.Equal(0, await Jobs.RunOnceAsync<AnonymizeInactiveJob>(app.Factory.Services, DateTime.UtcNow, CancellationToken.None));
        Assert.Null(await AnonymizedAtAsync(idle));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("test");
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AnonymizeInactive>().RunAsync(3, DateTime.UtcNow, CancellationToken.None));
        }

        Assert.NotNull(await AnonymizedAtAsync(idle));
        Assert.Null(await AnonymizedAtAsync(earned));
        Assert.Null(await AnonymizedAtAsync(signedIn));
        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Person&entityId={idle}")).Expect(HttpStatusCode.OK);
        Assert.Contains(Text.Get("person.anonymized_retention", 3), audit.Body, StringComparison.Ordinal);
    }

    private async Task<long> PersonAsync(string prefix) =>
        (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name(prefix), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;

    private async Task<string?> AnonymizedAtAsync(long personId)
    {
        var person = (await app.Admin.GetAsync($"/api/v1/people/{personId}")).Expect(HttpStatusCode.OK).Json.GetProperty("anonymizedAt");
        return person.ValueKind == System.Text.Json.JsonValueKind.Null ? null : person.GetString();
    }

    private static void AssertNoneOf(IEnumerable<string> secrets, string text)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"found \"{secret}\" in: {text}");
        }
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<byte[]> DownloadAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }
}
