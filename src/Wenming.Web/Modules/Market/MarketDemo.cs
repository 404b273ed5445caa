using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Modules.Market.Features.ManageGoods;
using Wenming.Web.Modules.Market.Features.Redeem;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market;

/// <summary>
/// The demo county's charity supermarket at 桃花村's station: a few goods put on the shelf by village1,
/// some of them donated (donors recorded in the inventory ledger), and one open redemption of resident1's with a
/// pickup code for the counter to verify. The customers' starting points are the Points module's (StartingPointsDemo).
/// </summary>
internal sealed class MarketDemo(IServiceScopeFactory scopes, IOrgDirectory orgs) : IDemoSeedStep
{
    // After every module that may earn points in the demo: a redemption is the newest row of its statement.
    public int Order => 300;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var village = demo.VillageIds[0];
        long towel = 0;
        await AsAsync(demo, "village1", async sp =>
        {
            var goods = sp.GetRequiredService<GoodsHandler>();
            towel = Check(await goods.CreateAsync(new(village, "毛巾", 20, 30, "纯棉毛巾，一条", "县供销社"), ct)).Id;
            var soap = Check(await goods.CreateAsync(new(village, "洗衣液", 50, 12, "2 千克装"), ct)).Id;
            Check(await goods.StockInAsync(soap, new(8, StockSource.Donation, "春节慰问物资", "桃花村爱心超市"), ct));
            var rice = Check(await goods.CreateAsync(new(village, "大米", 120, 0, "5 千克装东北大米"), ct)).Id;
            Check(await goods.StockInAsync(rice, new(10, StockSource.Donation, null, "县粮油公司"), ct));
            Check(await goods.StockInAsync(rice, new(5, StockSource.Purchase, "村集体经济采购"), ct));
            var oil = Check(await goods.CreateAsync(new(village, "食用油", 80, 6, "1.8 升花生油", "乡贤李先生"), ct)).Id;
            Check(await goods.StockInAsync(oil, new(-1, StockSource.Adjustment, "包装破损，报损"), ct));
            Check(await goods.CreateAsync(new(village, "牙膏", 15, 20), ct));
        });

        // An open redemption waiting at the counter (resident1 pays 20 of their 300 points).
        await AsAsync(demo, "resident1", async sp =>
            Check(await sp.GetRequiredService<RedeemHandler>().HandleAsync(new RedeemRequest(towel, null, 1), ct)));
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Demo market data refused: " + result.Error!.Code + " " + result.Error.Message);

    private async Task AsAsync(DemoCountyData demo, string login, Func<IServiceProvider, Task> step)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var role = login == "village1" ? Role.StationAdmin : Role.Resident;
        var unit = await orgs.FindUnscopedAsync(demo.VillageIds[0]) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(
            demo.UserIdByLogin[login], login, [role], unit.Id, unit.CountyId, demo.PersonIdByLogin.TryGetValue(login, out var person) ? person : null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        await step(sp);
    }
}
