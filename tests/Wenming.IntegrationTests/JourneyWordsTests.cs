using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>Issue 11: what a person reads is Chinese: the audit log's names, states and times, the ledger export's sources.</summary>
public sealed partial class JourneyTests
{
    [DatabaseFact]
    public async Task TheAuditLog_NamesAPublishedActivity_InChinese_WithItsOwnStates()
    {
        var activity = await PublishedActivityAsync();
        using var browser = await SignInAsync("admin");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/audit?type=Activity"));

        Assert.Contains("<option value=\"Activity\" selected=\"selected\">活动</option>", html, StringComparison.Ordinal);
        Assert.Contains($"活动 #{activity}", html, StringComparison.Ordinal);
        Assert.Matches("状态：</span>\\s*<del>草稿</del> <span aria-hidden=\"true\">→</span> <ins>报名中</ins>", html);
        Assert.DoesNotContain("已停用", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Status：", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task TheAuditLog_ShowsAnApprovedVolunteer_AsApproved_NotAsAUnitSwitchedOff()
    {
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("审核"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var volunteer = (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/approve")).Expect(HttpStatusCode.OK);
        using var browser = await SignInAsync("admin");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/audit?type=Volunteer"));

        Assert.Contains($"志愿者 #{volunteer}", html, StringComparison.Ordinal);
        Assert.Matches("<del>待审核</del> <span aria-hidden=\"true\">→</span> <ins>已通过</ins>", html);
        Assert.DoesNotContain("启用", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task TheLedgerExport_NamesSourcesAndTheSystem_AsThePageDoes()
    {
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("来源"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var order = Random.Shared.Next(100_000, 900_000);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("event:OrderCompleted");
            await scope.ServiceProvider.GetRequiredService<IPointsLedger>().PostAsync(
                new PointPosting(personId, 5, PointKind.OrderCompleted, $"order:{order}:completed", "点单完成"), CancellationToken.None);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/points/transactions/export?personId={personId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("center"));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExcelReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).Value;

        Assert.Equal(2, rows.Count);
        Assert.Equal($"订单完成 #{order}", rows[1][8]);
        Assert.Equal("系统自动", rows[1][9]);
        using var browser = await SignInAsync("center");
        Assert.Contains("系统自动", await browser.GetStringAsync($"/points/people/{personId}"), StringComparison.Ordinal);
    }
}
