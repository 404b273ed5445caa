using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// Points data for the read-side tests: people created over HTTP, movements posted through the real
/// <see cref="IPointsLedger"/> of the test host (earning, awards and the market are other slices; the ledger
/// is the one door they all use), and the ledger invariant checked on the database itself.
/// </summary>
public static class PointsTestKit
{
    private static int _source = Random.Shared.Next(0, 1_000_000);

    /// <summary>A new person in <paramref name="unitId"/>, optionally in a household; returns the person id.</summary>
    public static async Task<long> PersonAsync(AppFixture app, long unitId, string? name = null, long? householdId = null) =>
        (await app.Admin.PostAsync("/api/v1/people", new
        {
            name = name ?? TestData.Name("积分测试"),
            idNumber = TestData.IdNumber(),
            phone = TestData.Phone(),
            orgUnitId = unitId,
            householdId,
        })).Expect(HttpStatusCode.Created).Id;

    public static async Task<PostingResult> PostAsync(
        AppFixture app, long personId, int amount, PointKind kind, string reason = "测试积分", DebitRule debit = DebitRule.Strict)
    {
        using var scope = app.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("points-tests");
        var ledger = scope.ServiceProvider.GetRequiredService<IPointsLedger>();
        var key = "test:" + Interlocked.Increment(ref _source);
        var result = await ledger.PostAsync(new PointPosting(personId, amount, kind, key, reason, debit), CancellationToken.None);
        Assert.True(result.Outcome == PostingOutcome.Posted, $"posting {amount} {kind} to {personId}: {result}");
        return result;
    }

    /// <summary>The ledger invariant on every account (<see cref="Ledger.AssertBooksBalanceAsync"/>).</summary>
    public static Task AssertLedgerHoldsAsync(AppFixture app) => Ledger.AssertBooksBalanceAsync(app);

    /// <summary>A new township with one village under it in the demo county (admin), for data nobody else touches.</summary>
    public static async Task<(long Township, long Village)> NewTownshipWithVillageAsync(AppFixture app)
    {
        var segment = TestData.TownshipSegment();
        var township = (await app.Admin.PostAsync("/api/v1/org-units", new
        {
            parentId = app.Demo.Unit("county"),
            level = "Township",
            name = TestData.Name("积分镇"),
            divisionCode = "339901" + segment + "000",
        })).Expect(HttpStatusCode.Created).Id;
        var village = (await app.Admin.PostAsync("/api/v1/org-units", new
        {
            parentId = township,
            level = "Village",
            name = TestData.Name("积分村"),
            divisionCode = "339901" + segment + "001",
        })).Expect(HttpStatusCode.Created).Id;
        return (township, village);
    }
}
