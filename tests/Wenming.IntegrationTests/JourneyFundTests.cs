using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Issue 14's small fixes: a pending large payment can be turned down with a reason; its recorder is not offered 复核.</summary>
public sealed partial class JourneyTests
{
    [DatabaseFact]
    public async Task APendingLargePayment_IsRejectedWithAReason_ByAnotherPerson_AndMovesNoMoney()
    {
        var kit = new FundTestKit(app);
        var county = app.Demo.Unit("county");
        (await kit.DonateAsync(county, 10_000_000)).Expect(HttpStatusCode.Created);
        var project = await kit.ApprovedProjectAsync(app.Demo.Unit("township1"), 6_000_000);
        var pending = (await kit.PayAsync(project, 5_000_001)).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", pending.Text("status"));

        // The recorder's own page offers no 复核 and no 退回, and says why.
        using var recorder = await SignInAsync("center");
        var own = await recorder.GetStringAsync($"/fund/projects/{project}");
        Assert.DoesNotContain($"data-testid=\"approve-payment-{pending.Id}\"", own, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"own-pending-{pending.Id}\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"approve-payment-{pending.Id}\"", await recorder.GetStringAsync("/fund"), StringComparison.Ordinal);

        (await app.As("center").PostAsync($"/api/v1/fund/payments/{pending.Id}/reject", new { reason = "自己退回" })).ExpectProblem(HttpStatusCode.Conflict, "payment.own_payment");
        var noReason = (await app.Admin.PostAsync($"/api/v1/fund/payments/{pending.Id}/reject", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));

        using var second = await SignInAsync("admin");
        var page = await second.GetStringAsync($"/fund/projects/{project}");
        Assert.Contains($"data-testid=\"reject-payment-{pending.Id}\"", page, StringComparison.Ordinal);
        using var rejected = await second.PostAsync($"/fund/projects/{project}?handler=RejectPayment&paymentId={pending.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "预算说明不全，补充后重新录入",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var after = await second.GetStringAsync($"/fund/projects/{project}");
        Assert.Contains("已退回", after, StringComparison.Ordinal);
        Assert.Contains("预算说明不全", after, StringComparison.Ordinal);
        (await app.Admin.PostAsync($"/api/v1/fund/payments/{pending.Id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "payment.not_pending");
        // The county's balance is shared with the fund tests running alongside; the project's own books show that nothing moved.
        Assert.Equal(0, (await app.Admin.GetAsync($"/api/v1/fund/projects/{project}")).Expect(HttpStatusCode.OK).Number("paidFen"));
        await kit.AssertBooksBalanceAsync();
    }
}

/// <summary>Issue 11: a long person list is searched, not scrolled.</summary>
public sealed partial class JourneyTests
{
    [DatabaseFact]
    public async Task TheAwardForm_FindsAPersonOfTheVillage_ByName_WithinTheAdminsScope()
    {
        var name = TestData.Name("查找");
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        using var browser = await SignInAsync("village1");

        var found = await browser.GetStringAsync($"/awards/new?unit={app.Demo.Unit("village1")}&q={Uri.EscapeDataString(name)}");

        Assert.Contains("data-testid=\"person-search\"", found, StringComparison.Ordinal);
        Assert.Contains("找到 1 人，请选择", found, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{personId}\">{name}</option>", found, StringComparison.Ordinal);
        // Another village's admin finds no one by that name.
        using var other = await SignInAsync("village2");
        var none = await other.GetStringAsync($"/awards/new?unit={app.Demo.Unit("village2")}&q={Uri.EscapeDataString(name)}");
        Assert.Contains("找到 0 人，请选择", none, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task TheOrderForm_OnSomeonesBehalf_FindsTheResident_ByMobileNumber_AndOrdersForThem()
    {
        var (name, phone) = (TestData.Name("代点"), TestData.Phone());
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone, orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        using var browser = await SignInAsync("village1");

        var found = await browser.GetStringAsync($"/orders/new?unit={app.Demo.Unit("village1")}&q={phone}");

        Assert.Contains("data-testid=\"resident-search\"", found, StringComparison.Ordinal);
        Assert.Contains("找到 1 人，请选择", found, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{personId}\">{name}</option>", found, StringComparison.Ordinal);
        var description = TestData.Name("代群众点单");
        using var posted = await browser.PostAsync($"/orders/new?unit={app.Demo.Unit("village1")}&q={phone}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(found).Groups[1].Value,
            ["Input.OrgUnitId"] = app.Demo.Unit("village1").ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RequesterPersonId"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Description"] = description,
            ["Input.Address"] = "桃花村三组",
            ["Input.ContactPhone"] = phone,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var order = (await app.As("village1").GetAsync(posted.Headers.Location!.ToString().Replace("/orders/", "/api/v1/orders/", StringComparison.Ordinal))).Expect(HttpStatusCode.OK);
        Assert.Equal(description, order.Text("description"));
        Assert.Equal(personId, order.Number("requesterPersonId"));

        // Another village's admin cannot list this village's residents by asking for its unit.
        using var other = await SignInAsync("village2");
        Assert.DoesNotContain(name, await other.GetStringAsync($"/orders/new?unit={app.Demo.Unit("village1")}&q={phone}"), StringComparison.Ordinal);
    }
}
