using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wenming.E2ETests.Infrastructure;
using Wenming.Web.Platform.Files;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// Hand awards in the browser (issue 5): the station proposes with a photo as evidence, the proposer is
/// not offered the approval, the county's supervisor approves it from the queue, and a resident reads the
/// public notice list (公示) on a phone with the name masked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PointAwardTests(BrowserFixture app)
{
    [BrowserFact]
    public async Task Station_proposes_with_evidence_the_supervisor_approves_and_a_resident_reads_the_notice_on_a_phone()
    {
        var reason = "冒雨帮助独居老人抢修漏雨屋顶" + Random.Shared.Next(1000, 9999);
        var station = await app.SignInAsync("village1");
        await station.GotoAsync("/awards/new");
        var form = station.GetByTestId("award-form");
        await form.GetByTestId("person").SelectOptionAsync(new SelectOptionValue { Index = 6 });
        var person = (await form.GetByTestId("person").Locator("option:checked").InnerTextAsync()).Trim();
        await form.GetByTestId("category").SelectOptionAsync("GoodDeed");
        await form.GetByTestId("reason").FillAsync(reason);
        Assert.Equal("image/*,application/pdf", await form.GetByTestId("evidence").GetAttributeAsync("accept"));

        // Out of range: the form comes back with the county's limit next to the points, nothing is proposed.
        await form.GetByTestId("points").FillAsync("80");
        await form.GetByTestId("submit-award").ClickAsync();
        await Assertions.Expect(station.Locator("[data-valmsg-for='Input.Points']")).ToContainTextAsync("分值须在 1 到 50 分之间");
        await BrowserFixture.LooksRightAsync(station, 1280, "award-propose-refused");

        // A text file posing as a photo is refused by its bytes; the rest of the form is kept.
        form = station.GetByTestId("award-form");
        await form.GetByTestId("points").FillAsync("8");
        await form.GetByTestId("evidence").SetInputFilesAsync(new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a picture") });
        await form.GetByTestId("submit-award").ClickAsync();
        await Assertions.Expect(station.Locator("[data-valmsg-for='EvidenceFiles']")).ToContainTextAsync("只能上传");
        Assert.Equal(reason, await station.GetByTestId("reason").InputValueAsync());

        form = station.GetByTestId("award-form");
        await form.GetByTestId("evidence").SetInputFilesAsync(new FilePayload { Name = "屋顶.png", MimeType = "image/png", Buffer = SampleFiles.Png(120, 90, (x, y) => ((byte)(90 + x), (byte)(70 + y), 50)) });
        await form.GetByTestId("submit-award").ClickAsync();
        await Assertions.Expect(station.Locator(".notice")).ToContainTextAsync("已提交提议");
        await Assertions.Expect(station.GetByTestId("status")).ToHaveTextAsync("待审核");
        await Assertions.Expect(station.GetByTestId("person")).ToHaveTextAsync(person);
        await Assertions.Expect(station.GetByTestId("points")).ToHaveTextAsync("+8");
        var thumbnail = station.GetByTestId("evidence").Locator("img");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        Assert.True(await thumbnail.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the evidence thumbnail does not load");
        // Two people: the proposer is told to wait and is offered no approval.
        await Assertions.Expect(station.GetByTestId("waiting-other")).ToBeVisibleAsync();
        await Assertions.Expect(station.GetByTestId("approve")).ToHaveCountAsync(0);
        await BrowserFixture.LooksRightAsync(station, 1280, "award-proposed");
        await station.Context.CloseAsync();

        var supervisor = await app.SignInAsync("supervisor1");
        await supervisor.GotoAsync("/");
        // The supervisor's long menu is grouped: 积分评议 sits under 积分超市.
        var menu = supervisor.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await menu.GetByRole(AriaRole.Button, new() { Name = "积分超市" }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "积分评议" }).ClickAsync();
        var card = supervisor.Locator(".award-card", new() { HasText = reason });
        await Assertions.Expect(card.GetByTestId("status")).ToHaveTextAsync("待审核");
        await BrowserFixture.LooksRightAsync(supervisor, 1280, "award-queue");
        await card.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".notice")).ToContainTextAsync("已审核通过");
        await Assertions.Expect(supervisor.Locator(".award-card", new() { HasText = reason })).ToHaveCountAsync(0);
        await supervisor.GetByTestId("tab-Approved").ClickAsync();
        await supervisor.Locator(".award-card", new() { HasText = reason }).GetByRole(AriaRole.Link, new() { Name = person }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("公示中");
        await Assertions.Expect(supervisor.GetByTestId("proposer")).ToContainTextAsync("village1");
        await Assertions.Expect(supervisor.GetByTestId("decider")).ToContainTextAsync("supervisor1");
        await supervisor.Context.CloseAsync();

        var resident = await app.SignInAsync("resident1", 360, 740);
        await resident.GotoAsync("/");
        await resident.Locator("label.nav-button").ClickAsync();
        await resident.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "积分公示" }).ClickAsync();
        var notice = resident.Locator(".notice-card", new() { HasText = reason });
        await Assertions.Expect(notice.GetByTestId("notice-name")).ToHaveTextAsync(person[..1] + new string('*', person.Length - 1));
        await Assertions.Expect(notice.GetByTestId("notice-status")).ToContainTextAsync("公示至");
        await Assertions.Expect(notice).ToContainTextAsync("+8");
        await BrowserFixture.LooksRightAsync(resident, 360, "award-notices");
        await resident.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_cadre_pages_work_on_a_phone()
    {
        var phone = await app.SignInAsync("village1", 360, 740);
        await phone.GotoAsync("/awards/new");
        await Assertions.Expect(phone.GetByTestId("award-form")).ToBeVisibleAsync();
        Assert.NotNull(await phone.GetByTestId("evidence").GetAttributeAsync("multiple"));
        await BrowserFixture.LooksRightAsync(phone, 360, "award-propose");

        await phone.GotoAsync("/awards?view=all");
        // The demo village's awards: one credited, two on notice, one waiting, one rejected.
        await Assertions.Expect(phone.Locator(".award-card", new() { HasText = "拾到村民钱包" }).GetByTestId("status")).ToHaveTextAsync("已记入");
        await Assertions.Expect(phone.Locator(".award-card", new() { HasText = "参加志愿服务" }).GetByTestId("status")).ToHaveTextAsync("已驳回");
        await BrowserFixture.LooksRightAsync(phone, 360, "award-list");

        await phone.Locator(".award-card", new() { HasText = "拾到村民钱包" }).Locator("a.award-who").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("applied")).ToHaveTextAsync("+20");
        await BrowserFixture.LooksRightAsync(phone, 360, "award-detail");
        await phone.Context.CloseAsync();
    }
}
