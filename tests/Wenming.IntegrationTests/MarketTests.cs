using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;

namespace Wenming.IntegrationTests;

/// <summary>
/// The charity supermarket 公益超市 over HTTP (issue 5, API.md's market rows): goods and the inventory
/// ledger, redemption by a resident and at the counter, the pickup code, cancellation, bad input, scope
/// and the exports. Every test ends by checking balances against the ledger and stock against movements.
/// </summary>
public sealed class MarketTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly MarketTestKit _kit = new(app);

    [DatabaseFact]
    public async Task Goods_AreCreatedAndStockedIn_AndEveryMovementIsInTheLedger()
    {
        var created = (await app.As("village1").PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit("village1"), name = "暖水瓶", pricePoints = 40, stock = 5 }))
            .Expect(HttpStatusCode.Created);
        var id = created.Id;
        Assert.Equal(app.Demo.Unit("village1"), created.Number("orgUnitId"));
        Assert.Equal("暖水瓶", created.Text("name"));
        Assert.Equal(40, created.Number("pricePoints"));
        Assert.Equal(5, created.Number("stock"));

        var donated = (await app.As("village1").PostAsync($"/api/v1/market/goods/{id}/stock", new { quantity = 10, source = "Donation", donor = "爱心企业某公司", note = "重阳节捐赠" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(15, donated.Number("stock"));
        (await app.As("village1").PostAsync($"/api/v1/market/goods/{id}/stock", new { quantity = 3, source = "Purchase" })).Expect(HttpStatusCode.OK);
        Assert.Equal(16, (await app.As("village1").PostAsync($"/api/v1/market/goods/{id}/stock", new { quantity = -2, source = "Adjustment", note = "破损报损" }))
            .Expect(HttpStatusCode.OK).Number("stock"));

        // Never below zero: the adjustment is refused and nothing moves.
        (await app.As("village1").PostAsync($"/api/v1/market/goods/{id}/stock", new { quantity = -17, source = "Adjustment", note = "盘点" }))
            .ExpectProblem(HttpStatusCode.Conflict, "goods.stock_below_zero");
        Assert.Equal(16, await _kit.StockAsync(id));

        var ledger = (await app.As("village1").GetAsync($"/api/v1/market/goods/{id}/movements")).Expect(HttpStatusCode.OK).Items;
        Assert.Equal(["Adjustment", "Purchase", "Donation", "Initial"], ledger.Select(m => m.GetProperty("source").GetString()));
        Assert.Equal([16, 18, 15, 5], ledger.Select(m => m.GetProperty("stockAfter").GetInt32()));
        Assert.Equal("爱心企业某公司", ledger[2].GetProperty("donor").GetString());
        Assert.Equal("捐赠入库", ledger[2].GetProperty("sourceLabel").GetString());
        Assert.Equal("village1", ledger[0].GetProperty("byName").GetString());

        // Edit: a new price, then off the shelf.
        var edited = (await app.As("village1").PutAsync($"/api/v1/market/goods/{id}", new { name = "暖水瓶（大）", pricePoints = 45, description = "3.2 升", active = false }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(45, edited.Number("pricePoints"));
        Assert.False(edited.Json.GetProperty("active").GetBoolean());
        Assert.DoesNotContain((await DemoMap.AllItemsAsync(app.As("resident2"), "/api/v1/market/goods?")), g => g.GetProperty("id").GetInt64() == id);
        (await app.As("resident2").GetAsync($"/api/v1/market/goods/{id}")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        (await _kit.RedeemAsync(id, person)).ExpectProblem(HttpStatusCode.Conflict, "goods.inactive");
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task BadInput_Answers400WithChineseFieldMessages_AndChangesNothing()
    {
        var before = await _kit.ReadAsync(db => db.Set<Goods>().IgnoreQueryFilters().CountAsync());
        var bad = (await app.As("village1").PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit("village1"), name = " ", pricePoints = 0, stock = -1 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["请填写物品名称。"], bad.FieldErrors("name"));
        Assert.Contains("积分价格须为 1 到", Assert.Single(bad.FieldErrors("pricePoints")));
        Assert.Contains("库存须为 0 到", Assert.Single(bad.FieldErrors("stock")));
        Assert.Equal(before, await _kit.ReadAsync(db => db.Set<Goods>().IgnoreQueryFilters().CountAsync()));

        var goods = await _kit.GoodsAsync(price: 10, stock: 4);
        var stockIn = (await app.As("village1").PostAsync($"/api/v1/market/goods/{goods}/stock", new { quantity = 5, source = "Donation" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["请填写捐赠人。"], stockIn.FieldErrors("donor"));
        var adjust = (await app.As("village1").PostAsync($"/api/v1/market/goods/{goods}/stock", new { quantity = -1, source = "Adjustment" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("请填写原因", Assert.Single(adjust.FieldErrors("note")));
        var negative = (await app.As("village1").PostAsync($"/api/v1/market/goods/{goods}/stock", new { quantity = -1, source = "Purchase" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("入库数量须为 1 到", Assert.Single(negative.FieldErrors("quantity")));

        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        var redeem = (await app.As("village1").PostAsync("/api/v1/market/redemptions", new { personId = person, quantity = 0 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["请填写兑换物品。"], redeem.FieldErrors("goodsId"));
        Assert.Contains("兑换数量须为 1 到", Assert.Single(redeem.FieldErrors("quantity")));
        (await _kit.RedeemAsync(goods, person, quantity: 21)).ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        var code = (await app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = "12ab" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "redemption.code_invalid");
        Assert.Equal(["取货码是 6 位数字。"], code.FieldErrors("pickupCode"));

        Assert.Equal(4, await _kit.StockAsync(goods));
        Assert.Single(await _kit.MovementsAsync(goods));
        Assert.Equal(100, await _kit.BalanceAsync(person));
        Assert.Empty(await _kit.MarketPostingsAsync(person));
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Resident_RedeemsForThemselves_SeesTheCode_AndTheCounterHandsItOverOnce()
    {
        var resident = app.Demo.Person("resident1");
        await _kit.GiveAsync(resident, 60);
        var balance = await _kit.BalanceAsync(resident);
        var earned = await _kit.ReadAsync(db => db.Set<Wenming.Web.Modules.Points.Domain.PointAccount>().IgnoreQueryFilters().Where(a => a.PersonId == resident).Select(a => a.Earned).SingleAsync());
        var goods = await _kit.GoodsAsync(price: 25, stock: 6, name: "香皂");

        var listed = await DemoMap.AllItemsAsync(app.As("resident1"), "/api/v1/market/goods?");
        Assert.Contains(listed, g => g.GetProperty("id").GetInt64() == goods && g.GetProperty("pricePoints").GetInt32() == 25);

        var redeemed = (await app.As("resident1").PostAsync("/api/v1/market/redemptions", new { goodsId = goods, quantity = 2 })).Expect(HttpStatusCode.Created);
        Assert.Equal("Open", redeemed.Text("status"));
        Assert.Equal(50, redeemed.Number("points"));
        Assert.Equal(resident, redeemed.Number("personId"));
        Assert.Matches("^[0-9]{6}$", redeemed.Text("pickupCode"));
        Assert.Equal(balance - 50, redeemed.Number("balanceAfter"));
        Assert.Equal(balance - 50, await _kit.BalanceAsync(resident));
        Assert.Equal(4, await _kit.StockAsync(goods));
        // Spending moves the balance only: earned points (credit stars) stay.
        Assert.Equal(earned, await _kit.ReadAsync(db => db.Set<Wenming.Web.Modules.Points.Domain.PointAccount>().IgnoreQueryFilters().Where(a => a.PersonId == resident).Select(a => a.Earned).SingleAsync()));

        var mine = (await app.As("resident1").GetAsync("/api/v1/market/redemptions/mine")).Expect(HttpStatusCode.OK).Items;
        Assert.Equal(redeemed.Text("pickupCode"), mine.Single(r => r.GetProperty("id").GetInt64() == redeemed.Id).GetProperty("pickupCode").GetString());

        // A resident cannot hand goods over to themselves; another station cannot find the code.
        (await app.As("resident1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = redeemed.Text("pickupCode") })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("village2").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = redeemed.Text("pickupCode") })).ExpectProblem(HttpStatusCode.NotFound, "redemption.code_not_found");

        // Typed as the phone shows it, in two groups of three.
        var typed = redeemed.Text("pickupCode")[..3] + " " + redeemed.Text("pickupCode")[3..];
        var handed = (await app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = typed })).Expect(HttpStatusCode.OK);
        Assert.Equal("PickedUp", handed.Text("status"));
        Assert.Equal("已领取", handed.Text("statusLabel"));
        Assert.Equal("village1", handed.Text("pickedUpBy"));
        Assert.False(string.IsNullOrEmpty(handed.Text("personName")));

        // Used once: the code again, and a cancel after pickup, are refused.
        (await app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = redeemed.Text("pickupCode") })).ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open");
        (await app.As("resident1").PostAsync($"/api/v1/market/redemptions/{redeemed.Id}/cancel")).ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open");
        Assert.Equal(balance - 50, await _kit.BalanceAsync(resident));
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Resident_CancelsTheirOwn_GettingPointsAndStockBack_Once()
    {
        var resident = app.Demo.Person("resident1");
        await _kit.GiveAsync(resident, 30);
        var balance = await _kit.BalanceAsync(resident);
        var goods = await _kit.GoodsAsync(price: 30, stock: 1);
        var redeemed = (await app.As("resident1").PostAsync("/api/v1/market/redemptions", new { goodsId = goods, personId = resident, quantity = 1 })).Expect(HttpStatusCode.Created);
        Assert.Equal(0, await _kit.StockAsync(goods));

        // Someone else's redemption is not found, for another resident.
        (await app.As("resident2").PostAsync($"/api/v1/market/redemptions/{redeemed.Id}/cancel")).ExpectProblem(HttpStatusCode.NotFound, "redemption.not_found");

        var cancelled = (await app.As("resident1").PostAsync($"/api/v1/market/redemptions/{redeemed.Id}/cancel")).Expect(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.Text("status"));
        Assert.Equal(balance, cancelled.Number("balanceAfter"));
        Assert.Equal(balance, await _kit.BalanceAsync(resident));
        Assert.Equal(1, await _kit.StockAsync(goods));
        (await app.As("resident1").PostAsync($"/api/v1/market/redemptions/{redeemed.Id}/cancel")).ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open");
        // The code of a cancelled redemption opens nothing at the counter.
        (await app.As("village1").PostAsync("/api/v1/market/redemptions/pickup", new { pickupCode = redeemed.Text("pickupCode") })).ExpectProblem(HttpStatusCode.Conflict, "redemption.not_open");
        Assert.Equal(balance, await _kit.BalanceAsync(resident));
        await _kit.AssertInvariantsAsync();
    }

    /// <summary>
    /// On PostgreSQL the stock, the movement and their audit rows are written by one hand-made statement (ADR 0070):
    /// the audit log still shows the goods' stock and the movement created, as the change tracker writes them on SQLite.
    /// </summary>
    [DatabaseFact]
    public async Task Redemption_IsAudited_TheGoodsStockAndTheMovement()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        var goods = await _kit.GoodsAsync(price: 10, stock: 3);

        var redeemed = (await _kit.RedeemAsync(goods, person, quantity: 2)).Expect(HttpStatusCode.Created);

        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Goods&entityId={goods}&pageSize=100")).Expect(HttpStatusCode.OK);
        // Newest first: the redemption's stock, after the goods' creation and their initial stock.
        var stock = entries.Items[0];
        Assert.Equal("Updated", stock.GetProperty("action").GetString());
        Assert.Equal("village1", stock.GetProperty("login").GetString());
        Assert.Equal(AppFixture.ClientAddress, stock.GetProperty("ipAddress").GetString());
        Assert.Equal(app.Demo.Unit("village1"), stock.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(1, stock.GetProperty("changes").GetProperty("Stock").GetInt32());

        var movement = (await _kit.MovementsAsync(goods)).Single(m => m.Source == StockSource.Redemption);
        var created = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=StockMovement&entityId={movement.Id}&pageSize=100")).Expect(HttpStatusCode.OK);
        var entry = Assert.Single(created.Items);
        Assert.Equal("Created", entry.GetProperty("action").GetString());
        Assert.Equal("village1", entry.GetProperty("login").GetString());
        var changes = entry.GetProperty("changes");
        Assert.Equal(1, changes.GetProperty("StockAfter").GetInt32());
        Assert.Equal(-2, changes.GetProperty("Quantity").GetInt32());
        Assert.Equal(redeemed.Id, changes.GetProperty("RedemptionId").GetInt64());
        Assert.Equal(goods, changes.GetProperty("GoodsId").GetInt64());
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task ShortOfPoints_Answers409_AndNothingIsTaken()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 5);
        var goods = await _kit.GoodsAsync(price: 10, stock: 3);

        var refused = (await _kit.RedeemAsync(goods, person)).ExpectProblem(HttpStatusCode.Conflict, "points.insufficient");
        Assert.Contains("积分不足", refused.Json.GetProperty("detail").GetString());

        Assert.Equal(5, await _kit.BalanceAsync(person));
        Assert.Equal(3, await _kit.StockAsync(goods));
        Assert.Single(await _kit.MovementsAsync(goods));
        Assert.Equal(0, await _kit.ReadAsync(db => db.Set<Redemption>().IgnoreQueryFilters().CountAsync(r => r.PersonId == person)));
        Assert.DoesNotContain((await app.As("village1").GetAsync($"/api/v1/market/redemptions?orgUnitId={app.Demo.Unit("village1")}&pageSize=100")).Expect(HttpStatusCode.OK).Items,
            r => r.GetProperty("personId").GetInt64() == person);
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Scope_ResidentsShopWhereTheyLive_AndCountersServeTheirOwnSubtree()
    {
        var village = await _kit.GoodsAsync(price: 10, stock: 5);
        var township = await _kit.GoodsAsync(price: 10, stock: 5, unitKey: "township1", by: "town1");
        var elsewhere = await _kit.GoodsAsync(price: 10, stock: 5, unitKey: "village2", by: "village2");

        // resident1 lives in 桃花村: the village's and the township's shelves, nearest first; not 溪口村's.
        var listed = (await DemoMap.AllItemsAsync(app.As("resident1"), "/api/v1/market/goods?")).Select(g => g.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(village, listed);
        Assert.Contains(township, listed);
        Assert.DoesNotContain(elsewhere, listed);
        Assert.True(listed.IndexOf(village) < listed.IndexOf(township));
        (await app.As("resident1").GetAsync($"/api/v1/market/goods/{elsewhere}")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await app.As("resident1").PostAsync("/api/v1/market/redemptions", new { goodsId = elsewhere })).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await app.As("resident1").GetAsync($"/api/v1/market/goods?orgUnitId={app.Demo.Unit("village2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        // Counters: another village's goods and people are not found; a resident cannot act for another.
        var local = await _kit.PersonAsync();
        await _kit.GiveAsync(local, 50);
        var other = await _kit.PersonAsync("village2");
        await _kit.GiveAsync(other, 50);
        (await app.As("village2").GetAsync($"/api/v1/market/goods/{village}")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await _kit.RedeemAsync(village, other, by: "village2")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await _kit.RedeemAsync(village, other, by: "village1")).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        (await _kit.RedeemAsync(village, local, by: "resident2")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("village2").PutAsync($"/api/v1/market/goods/{village}", new { name = "改名", pricePoints = 1, active = true })).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await app.As("village2").PostAsync($"/api/v1/market/goods/{village}/stock", new { quantity = 1, source = "Purchase" })).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await app.As("village1").PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit("village2"), name = "越权", pricePoints = 1, stock = 1 })).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.As("resident1").PostAsync("/api/v1/market/goods", new { orgUnitId = app.Demo.Unit("village1"), name = "群众", pricePoints = 1, stock = 1 })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        // The township's counter serves 桃花村's resident at the township shelf; a 溪口村 redemption stays out of 桃花村's list.
        var atTownship = (await _kit.RedeemAsync(township, local, by: "town1")).Expect(HttpStatusCode.Created);
        Assert.True(atTownship.Json.GetProperty("atCounter").GetBoolean());
        var theirs = (await _kit.RedeemAsync(elsewhere, other, by: "village2")).Expect(HttpStatusCode.Created);
        (await app.As("village1").GetAsync($"/api/v1/market/redemptions/{theirs.Id}")).ExpectProblem(HttpStatusCode.NotFound, "redemption.not_found");
        (await app.As("village1").PostAsync($"/api/v1/market/redemptions/{theirs.Id}/cancel")).ExpectProblem(HttpStatusCode.NotFound, "redemption.not_found");
        var village1List = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/market/redemptions?");
        Assert.DoesNotContain(village1List, r => r.GetProperty("id").GetInt64() == theirs.Id);
        Assert.Equal(5, await _kit.StockAsync(village));
        Assert.Equal(40, await _kit.BalanceAsync(other));
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Shelf_ShowsEachGoodsAsItsOwnPageDoes_AndDeactivatedGoodsLeaveIt()
    {
        // The shelf is read as plain rows (ADR 0085), the goods' own page through the entity: the same JSON, field for field.
        var name = TestData.Name("香皂");
        var id = (await app.As("village1").PostAsync("/api/v1/market/goods", new
        {
            orgUnitId = app.Demo.Unit("village1"),
            name,
            pricePoints = 7,
            stock = 3,
            description = "两块装",
            donor = "爱心企业",
        })).Expect(HttpStatusCode.Created).Id;
        var resident = app.As("resident1");

        var listed = (await DemoMap.AllItemsAsync(resident, "/api/v1/market/goods?")).Single(g => g.GetProperty("id").GetInt64() == id);
        var own = (await resident.GetAsync($"/api/v1/market/goods/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(own.GetRawText(), listed.GetRawText());
        Assert.Equal((name, 7, 3, "两块装", "爱心企业", true), (
            listed.GetProperty("name").GetString(), listed.GetProperty("pricePoints").GetInt64(), listed.GetProperty("stock").GetInt32(),
            listed.GetProperty("description").GetString(), listed.GetProperty("donor").GetString(), listed.GetProperty("active").GetBoolean()));

        (await app.As("village1").PutAsync($"/api/v1/market/goods/{id}", new { name, pricePoints = 7, active = false })).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(resident, "/api/v1/market/goods?"), g => g.GetProperty("id").GetInt64() == id);
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Exports_GiveRedemptionsStockAndMovements_AsExcel()
    {
        var person = await _kit.PersonAsync();
        await _kit.GiveAsync(person, 100);
        var name = TestData.Name("导出物品");
        var goods = await _kit.GoodsAsync(price: 12, stock: 7, name: name);
        (await _kit.RedeemAsync(goods, person, quantity: 3)).Expect(HttpStatusCode.Created);
        var unit = app.Demo.Unit("village1");

        var redemptions = await DownloadAsync("village1", $"/api/v1/market/redemptions/export?orgUnitId={unit}");
        Assert.Equal("兑换编号", redemptions[0].Cells[0]);
        var row = redemptions.Single(r => r.Cells.Contains(name));
        Assert.Contains("36", row.Cells);
        Assert.Contains("待领取", row.Cells);

        var stock = await DownloadAsync("village1", $"/api/v1/market/goods/export?orgUnitId={unit}");
        var line = stock.Single(r => r.Cells[0] == name);
        Assert.Equal("4", line.Cells[3]);

        var movements = await DownloadAsync("village1", $"/api/v1/market/stock-movements/export?goodsId={goods}");
        Assert.Equal(["兑换出库", "初始库存"], movements.Skip(1).Select(r => r.Cells[3]));

        (await app.As("resident1").GetAsync("/api/v1/market/goods/export")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("village2").GetAsync($"/api/v1/market/stock-movements/export?goodsId={goods}")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        await _kit.AssertInvariantsAsync();
    }

    [DatabaseFact]
    public async Task Photo_IsSetByTheStation_AndShownToResidentsWhoShopThere()
    {
        var goods = await _kit.GoodsAsync(price: 10, stock: 2, name: "电饭煲");
        var png = SampleFiles.Png(8, 8, (x, y) => ((byte)(x * 30), (byte)(y * 30), 90));

        (await UploadAsync("village1", goods, SampleFiles.Pdf("不是图片"), "说明.pdf")).ExpectProblem(HttpStatusCode.BadRequest, "goods.photo_not_image");
        (await UploadAsync("village2", goods, png, "电饭煲.png")).ExpectProblem(HttpStatusCode.NotFound, "goods.not_found");
        (await UploadAsync("resident1", goods, png, "电饭煲.png")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var set = (await UploadAsync("village1", goods, png, "电饭煲.png")).Expect(HttpStatusCode.OK);
        Assert.Equal($"/api/v1/market/goods/{goods}/photo", set.Text("photoUrl"));

        using (var response = await GetRawAsync("resident1", $"/api/v1/market/goods/{goods}/photo"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        }

        using (var elsewhere = await GetRawAsync("village2", $"/api/v1/market/goods/{goods}/photo"))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        // Replacing it leaves one file behind, not two.
        var files = await _kit.ReadAsync(db => db.Set<StoredFile>().CountAsync());
        (await UploadAsync("village1", goods, SampleFiles.Png(4, 4, (_, _) => (1, 2, 3)), "新图.png")).Expect(HttpStatusCode.OK);
        Assert.Equal(files, await _kit.ReadAsync(db => db.Set<StoredFile>().CountAsync()));
        await _kit.AssertInvariantsAsync();
    }

    private async Task<ApiResponse> UploadAsync(string login, long goodsId, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/market/goods/{goodsId}/photo") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), $"POST photo of {goodsId} as {login}");
    }

    private async Task<HttpResponseMessage> GetRawAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        return await app.Http.SendAsync(request);
    }

    private async Task<IReadOnlyList<ExcelRow>> DownloadAsync(string login, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(login));
        request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
        using var response = await app.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(ExcelWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var read = ExcelReader.Read(new MemoryStream(bytes));
        Assert.True(read.IsSuccess, read.Error?.Message);
        return read.Value;
    }
}
