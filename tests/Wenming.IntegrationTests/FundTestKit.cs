using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// What the fund tests need: donations, projects and payments as a client sends them (with or without an
/// Idempotency-Key), and the books check every test ends with — each fund's totals equal the sums of its entries,
/// each project's paid total the sum of its payments and no more than its budget, and the public page agrees.
/// </summary>
public sealed class FundTestKit(AppFixture app)
{
    private static long _receipt;

    public static string Receipt() => "T-" + Interlocked.Increment(ref _receipt).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    public static object DonationBody(long orgUnitId, long fen, string? donor = "测试捐赠企业", bool anonymous = false) =>
        new { orgUnitId, donorName = donor, anonymous, amountFen = fen, channel = "Bank", receivedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), receiptNumber = Receipt() };

    public static object PaymentBody(long fen) =>
        new { amountFen = fen, paidOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), payee = "测试收款方", purpose = "测试用途" };

    public Task<ApiResponse> DonateAsync(long orgUnitId, long fen, string by = "center", string? password = null, string? donor = "测试捐赠企业", bool anonymous = false) =>
        app.As(by, password).PostAsync("/api/v1/fund/donations", DonationBody(orgUnitId, fen, donor, anonymous));

    /// <summary>A project applied by <paramref name="applicant"/> and approved by <paramref name="approver"/>.</summary>
    public async Task<long> ApprovedProjectAsync(long orgUnitId, long approvedFen, string applicant = "town1", string approver = "center", string? approverPassword = null)
    {
        var id = (await app.As(applicant).PostAsync("/api/v1/fund/projects", new { orgUnitId, title = TestData.Name("测试项目"), description = "测试项目内容", requestedFen = approvedFen }))
            .Expect(HttpStatusCode.Created).Id;
        (await app.As(approver, approverPassword).PostAsync($"/api/v1/fund/projects/{id}/approve", new { approvedFen })).Expect(HttpStatusCode.OK);
        return id;
    }

    public Task<ApiResponse> PayAsync(long projectId, long fen, string by = "center", string? password = null) =>
        app.As(by, password).PostAsync($"/api/v1/fund/projects/{projectId}/payments", PaymentBody(fen));

    public async Task<(long Donations, long Payments, long Balance)> BalanceAsync(long orgUnitId, string by = "center", string? password = null)
    {
        var b = (await app.As(by, password).GetAsync($"/api/v1/fund/balance?orgUnitId={orgUnitId}")).Expect(HttpStatusCode.OK);
        return (b.Number("donationsFen"), b.Number("paymentsFen"), b.Number("balanceFen"));
    }

    /// <summary>A POST with an Idempotency-Key header, as a phone retrying it would; also says whether the answer was replayed.</summary>
    public async Task<(ApiResponse Answer, bool Replayed)> PostWithKeyAsync(string login, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Content = JsonContent.Create(body);
        using var response = await app.Http.SendAsync(request);
        var answer = new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST " + path + " with key " + key);
        return (answer, response.Headers.TryGetValues("Idempotency-Replayed", out var replayed) && replayed.Single() == "true");
    }

    /// <summary>A new center admin of the second county (its own fund), signed in with the strong test password.</summary>
    public async Task<string> County2CenterAsync()
    {
        var login = TestData.Login("fund2");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "云岭县中心管理员", role = "CenterAdmin", orgUnitId = app.Demo.Unit("county2") }))
            .Expect(HttpStatusCode.Created);
        return login;
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The books balance: every fund's totals are the sums of its entries, never below zero; every project within its budget; the public page agrees.</summary>
    public async Task AssertBooksBalanceAsync()
    {
        var accounts = await ReadAsync(db => db.Set<FundAccount>().AsNoTracking().ToListAsync());
        var donations = await ReadAsync(db => db.Set<Donation>().IgnoreQueryFilters().AsNoTracking().GroupBy(d => d.CountyId).Select(g => new { g.Key, Sum = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Sum));
        var moved = await ReadAsync(db => db.Set<FundPayment>().IgnoreQueryFilters().AsNoTracking().Where(p => p.Status != PaymentStatus.Pending && p.Status != PaymentStatus.Rejected).Select(p => new { p.CountyId, p.ProjectId, p.AmountFen }).ToListAsync());
        var projects = await ReadAsync(db => db.Set<FundProject>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
        Assert.NotEmpty(accounts);
        foreach (var a in accounts)
        {
            Assert.Equal(donations.GetValueOrDefault(a.CountyId), a.DonationsFen);
            Assert.Equal(moved.Where(m => m.CountyId == a.CountyId).Sum(m => m.AmountFen), a.PaymentsFen);
            Assert.Equal(a.DonationsFen - a.PaymentsFen, a.BalanceFen);
            Assert.True(a.BalanceFen >= 0, $"county {a.CountyId}: balance {a.BalanceFen}");

            var disclosed = (await app.Anonymous().GetAsync($"/api/v1/public/fund?orgUnitId={a.CountyId}")).Expect(HttpStatusCode.OK);
            Assert.Equal(a.BalanceFen, disclosed.Number("balanceFen"));
            Assert.Equal(a.DonationsFen, disclosed.Json.GetProperty("donations").EnumerateArray().Sum(d => d.GetProperty("amountFen").GetInt64()));
            Assert.Equal(a.PaymentsFen, disclosed.Json.GetProperty("projects").EnumerateArray().Sum(p => p.GetProperty("paidFen").GetInt64()));
        }

        foreach (var p in projects)
        {
            Assert.Equal(moved.Where(m => m.ProjectId == p.Id).Sum(m => m.AmountFen), p.PaidFen);
            Assert.True(p.PaidFen >= 0 && p.PaidFen <= p.ApprovedFen, $"project {p.Id}: paid {p.PaidFen} of {p.ApprovedFen}");
        }
    }
}
