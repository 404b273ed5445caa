using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.E2ETests.Flows;

/// <summary>Points in the browser: a resident's 我的积分 on a phone, the village ranking, and a cadre reversing a line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PointsTests(BrowserFixture app)
{
    /// <summary>The person id behind a demo login, and a movement posted to them through the ledger (earning and awards are other slices).</summary>
    private async Task<(long PersonId, PointBalance Balance)> PostAsync(string login, int amount, PointKind kind, string reason)
    {
        using var scope = app.Services.CreateScope();
        // Acting as the operator with the whole tree in view, as a system job would.
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Operator("e2e");
        scope.ServiceProvider.GetRequiredService<OrgScope>().AllowEverything();
        var people = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Wenming.Web.Modules.Accounts.Domain.AppUser>>();
        var personId = (await people.FindByNameAsync(login))!.PersonId!.Value;
        var ledger = scope.ServiceProvider.GetRequiredService<IPointsLedger>();
        var posted = await ledger.PostAsync(new PointPosting(personId, amount, kind, "e2e:" + Guid.NewGuid().ToString("N"), reason), CancellationToken.None);
        Assert.Equal(PostingOutcome.Posted, posted.Outcome);
        return (personId, await ledger.BalanceUnscopedAsync(personId, CancellationToken.None));
    }

    [BrowserFact]
    public async Task Resident_SeesBalanceStarsAndStatement_OnAPhone()
    {
        await PostAsync("resident3", 130, PointKind.ServiceHours, "敬老院志愿服务 13 小时");
        var (_, balance) = await PostAsync("resident3", -20, PointKind.Redemption, "公益超市兑换大米 1 袋");

        var phone = await app.SignInAsync("resident3", 360, 740);
        await phone.GotoAsync("/");
        await phone.GetByText("菜单").ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "积分", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("我的积分");
        await Assertions.Expect(phone.GetByTestId("balance")).ToHaveTextAsync(balance.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(phone.GetByTestId("earned")).ToHaveTextAsync(balance.Earned.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(balance.CreditStars >= 1);
        await Assertions.Expect(phone.GetByTestId("stars")).ToContainTextAsync(new string('★', balance.CreditStars));
        await Assertions.Expect(phone.GetByTestId("next-star")).ToContainTextAsync("星");

        var statement = phone.GetByTestId("statement");
        var spent = statement.Locator("li", new() { HasText = "公益超市兑换大米 1 袋" });
        await Assertions.Expect(spent).ToContainTextAsync("公益超市兑换");
        await Assertions.Expect(spent.GetByTestId("amount")).ToHaveTextAsync("-20");
        await Assertions.Expect(statement.Locator("li", new() { HasText = "敬老院志愿服务 13 小时" })).ToContainTextAsync("志愿服务时长");
        await BrowserFixture.LooksRightAsync(phone, 360, "points-mine");

        await phone.GetByTestId("to-ranking").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("积分榜");
        var me = phone.Locator(".pts-me");
        await Assertions.Expect(me).ToHaveCountAsync(1);
        await Assertions.Expect(me).ToContainTextAsync("*");
        await BrowserFixture.LooksRightAsync(phone, 360, "points-ranking");
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task StationAdmin_ReversesALine_WithAReason_AndExportsTheLedger()
    {
        var (personId, before) = await PostAsync("resident4", 12, PointKind.Award, "帮助邻居抢收稻谷");

        var page = await app.SignInAsync("village1");
        await page.GotoAsync("/points/ledger");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("积分台账");
        await BrowserFixture.LooksRightAsync(page, 1280, "points-ledger");
        // From the person's page, as a cadre finds them.
        await page.GotoAsync($"/people/{personId}");
        await page.GetByTestId("person-points").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("的积分");
        var line = page.Locator("li", new() { HasText = "帮助邻居抢收稻谷" });
        await line.Locator("summary").ClickAsync();

        // Without a reason nothing happens but a message.
        await line.GetByRole(AriaRole.Button, new() { Name = "冲正" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("请填写冲正理由");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync(before.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));

        line = page.Locator("li", new() { HasText = "帮助邻居抢收稻谷" });
        await line.Locator("summary").ClickAsync();
        await line.Locator("input[name=reason]").FillAsync("重复录入");
        await line.GetByRole(AriaRole.Button, new() { Name = "冲正" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已冲正");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync((before.Balance - 12).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("li", new() { HasText = "重复录入" })).ToContainTextAsync("-12");
        await BrowserFixture.LooksRightAsync(page, 1280, "points-person");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-person").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("积分台账", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Center_SeesTheRules_AndWhatAppliesWhere_OnAPhone()
    {
        var page = await app.SignInAsync("center", 360, 740);
        await page.GotoAsync("/points/rules");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("积分规则");
        await Assertions.Expect(page.Locator("#perServiceHour")).ToHaveValueAsync(new Regex(@"^\d+$"));
        await Assertions.Expect(page.GetByTestId("unit-rules")).ToContainTextAsync("桃花村");
        await BrowserFixture.LooksRightAsync(page, 360, "points-rules");

        // A bad value comes back next to its field, in Chinese.
        await page.FillAsync("#perServiceHour", "5000");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.PerServiceHour']")).ToContainTextAsync("每小时志愿服务积分须为0到1000之间的整数");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("center", 360, 740)]
    [InlineData("center", 1280, 800)]
    [InlineData("supervisor1", 360, 740)]
    [InlineData("town1", 1280, 800)]
    [InlineData("resident2", 1280, 800)]
    public async Task EveryPointsPage_RendersInChinese_WithoutSidewaysScrolling(string login, int width, int height)
    {
        await PostAsync("resident2", 8, PointKind.ActivityAttended, "参加移风易俗宣讲");
        var page = await app.SignInAsync(login, width, height);
        string[] paths = login.StartsWith("resident", StringComparison.Ordinal)
            ? ["/points", "/points/ranking"]
            : ["/points/ledger", "/points/ranking", "/points/rules"];
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{login} {path} answered {response.Status}");
            await BrowserFixture.LooksRightAsync(page, width, $"points-tour-{login}{path.Replace('/', '-')}");
        }

        if (login == "town1")
        {
            // A township admin reads the county's rules but does not change them; the form is read-only.
            await page.GotoAsync("/points/rules");
            await Assertions.Expect(page.GetByTestId("save-rules")).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Center_AllowsOverrides_SetsATownshipsOwnAmount_AndRemovesIt()
    {
        var page = await app.SignInAsync("center");
        await page.GotoAsync("/points/rules");
        await page.GetByTestId("may-override").CheckAsync();
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("积分规则已保存");

        var township = page.GetByTestId("unit-rules").Locator("tr", new() { HasText = "清溪镇新时代文明实践所" });
        await township.GetByRole(AriaRole.Link, new() { Name = "单独设定" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("清溪镇");
        await page.FillAsync("#perServiceHour", "-3");
        await page.GetByTestId("save-override").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-perServiceHour")).ToContainTextAsync("每小时志愿服务积分须为0到1000之间的整数");
        await BrowserFixture.LooksRightAsync(page, 1280, "points-override");
        await page.FillAsync("#perServiceHour", "12");
        await page.GetByTestId("save-override").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("清溪镇新时代文明实践所");

        // The township shows its own value; its villages inherit it from the unit above.
        var table = page.GetByTestId("unit-rules");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "清溪镇新时代文明实践所" })).ToContainTextAsync("12 本单位");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "溪口村新时代文明实践站" })).ToContainTextAsync("12 上级单位");

        await table.Locator("tr", new() { HasText = "清溪镇新时代文明实践所" }).GetByRole(AriaRole.Link, new() { Name = "单独设定" }).ClickAsync();
        await page.GetByTestId("remove-override").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已取消单独设定");
        await Assertions.Expect(page.GetByTestId("unit-rules").Locator("tr", new() { HasText = "溪口村新时代文明实践站" })).ToContainTextAsync("10 本县");

        await page.GetByTestId("may-override").UncheckAsync();
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("积分规则已保存");
        await page.Context.CloseAsync();
    }
}
