using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features.Donations;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund;

/// <summary>
/// The demo county's practice fund: a year of donations (companies, a 乡贤, anonymous 爱心人士, goods valued, one
/// recorded twice and reversed), and projects in every state — applied, rejected, approved and paid in instalments
/// (one payment reversed, one above 50,000 yuan approved by a second person, one still waiting for it), an outcome
/// reported, and one closed — all through the handlers, so the books balance as they would in use. The handlers date a
/// reversing entry today; the two corrections are then dated a few days after what they correct, as they were made,
/// or the current month of the statistics would read 基金收到捐赠 −15,000 and 基金拨付支出 −2,000.
/// </summary>
internal sealed class FundDemo(IServiceScopeFactory scopes, IOrgDirectory orgs, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 320;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var county = demo.CountyId;
        var township = demo.TownshipIds[0];
        var village = demo.VillageIds[0];

        (string Donor, bool Anonymous, long Fen, DonationChannel Channel, int DaysAgo)[] gifts =
        [
            ("云溪县农村商业银行", false, 10_000_000, DonationChannel.Bank, 350),
            ("青山建工集团云溪分公司", false, 5_000_000, DonationChannel.Bank, 330),
            ("", true, 20_000, DonationChannel.WeChat, 320),
            ("乡贤李国华", false, 2_000_000, DonationChannel.Bank, 300),
            ("云溪县供销合作社", false, 300_000, DonationChannel.Goods, 280),
            ("", true, 50_000, DonationChannel.Cash, 260),
            ("桃源镇茶叶专业合作社", false, 800_000, DonationChannel.Bank, 240),
            ("", true, 8_800, DonationChannel.WeChat, 215),
            ("云溪县联华超市", false, 450_000, DonationChannel.Goods, 200),
            ("云溪县第一中学教职工", false, 1_268_000, DonationChannel.Bank, 180),
            ("", true, 100_000, DonationChannel.Cash, 160),
            ("青山市明德爱心基金会", false, 3_000_000, DonationChannel.Bank, 140),
            ("", true, 66_600, DonationChannel.WeChat, 120),
            ("桃花村在外务工青年", false, 520_000, DonationChannel.WeChat, 100),
            ("云溪县电力公司党支部", false, 1_500_000, DonationChannel.Bank, 80),
            ("", true, 20_000, DonationChannel.WeChat, 60),
            ("乡贤王秀英", false, 1_000_000, DonationChannel.Bank, 40),
            ("", true, 30_000, DonationChannel.Cash, 20),
            ("云溪县个体劳动者协会", false, 600_000, DonationChannel.Bank, 8),
        ];

        await AsAsync(demo, "center", Role.CenterAdmin, county, async sp =>
        {
            var donations = sp.GetRequiredService<DonationsHandler>();
            for (var i = 0; i < gifts.Length; i++)
            {
                var g = gifts[i];
                var on = today.AddDays(-g.DaysAgo);
                Check(await donations.RecordAsync(new(county, g.Donor, g.Anonymous, g.Fen, g.Channel, on, $"YX{on:yyyy}-{i + 1:000}"), ct));
            }

            // Recorded twice by mistake (the bank's slip came in again) and corrected by a reversing entry.
            var twice = Check(await donations.RecordAsync(new(county, "云溪县电力公司党支部", false, 1_500_000, DonationChannel.Bank, today.AddDays(-79), $"YX{today.AddDays(-79):yyyy}-D01"), ct));
            Check(await donations.ReverseAsync(twice.Id, new("同一笔银行到账重复登记"), ct));
            var noticed = twice.ReceivedOn.AddDays(3);
            await sp.GetRequiredService<AppDbContext>().Set<Donation>().Where(d => d.ReversesId == twice.Id)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.ReceivedOn, noticed).SetProperty(x => x.CreatedAt, WorkingHour(noticed)), ct);
        });

        long meals = 0, summer = 0, clean = 0, rescue = 0;
        await AsAsync(demo, "village1", Role.StationAdmin, village, async sp =>
        {
            var projects = sp.GetRequiredService<ProjectsHandler>();
            meals = Check(await projects.ApplyAsync(new(village, "桃花村孝老爱亲助餐点", "为村里 70 岁以上独居、空巢老人每天提供一顿午餐，志愿者送餐上门", 8_000_000,
                null, "桃花村 70 岁以上独居、空巢老人", "厨具设备 20000\n食材补贴 50000\n送餐保温箱 10000"), ct)).Id;
        });
        await AsAsync(demo, "town1", Role.InstituteAdmin, township, async sp =>
        {
            var projects = sp.GetRequiredService<ProjectsHandler>();
            summer = Check(await projects.ApplyAsync(new(township, "春蕾暑期课堂", "暑假期间为留守儿童开设作业辅导、阅读、安全教育课程，共六周", 6_000_000,
                "桃源镇青年志愿服务队", "桃源镇留守儿童", "教材文具 15000\n志愿者交通餐费 25000\n场地与保险 20000"), ct)).Id;
            rescue = Check(await projects.ApplyAsync(new(township, "应急救援队装备", "为镇应急志愿救援队购置救生衣、照明、通讯设备", 12_000_000,
                "桃源镇应急志愿救援队", "桃源镇群众", "救生衣 30000\n照明设备 40000\n对讲机 50000"), ct)).Id;
            Check(await projects.ApplyAsync(new(township, "移风易俗宣传进村", "文艺队进村演出，宣传婚事新办、丧事简办", 1_500_000,
                "桃源镇文艺志愿服务队", "桃源镇各村群众", "演出服装道具 8000\n交通 7000"), ct));
            var duplicate = Check(await projects.ApplyAsync(new(township, "老年人助餐", "镇上统一配送午餐", 5_000_000, null, "桃源镇老年人"), ct)).Id;
            await AsAsync(demo, "center", Role.CenterAdmin, county, async center =>
                Check(await center.GetRequiredService<ProjectsHandler>().RejectAsync(duplicate, new("与已批准的桃花村孝老爱亲助餐点重复，请与村站合并申报"), ct)));
        });
        await AsAsync(demo, "leader1", Role.TeamLeader, village, async sp =>
        {
            clean = Check(await sp.GetRequiredService<ProjectsHandler>().ApplyAsync(new(village, "清洁家园志愿行动", "每月两次清理河道和村道垃圾，购置清扫工具和防护用品", 2_000_000,
                "桃花村志愿服务队", "桃花村村民", "工具 8000\n防护用品 4000\n垃圾清运 8000"), ct)).Id;
        });

        long summerPayment = 0;
        await AsAsync(demo, "center", Role.CenterAdmin, county, async sp =>
        {
            var projects = sp.GetRequiredService<ProjectsHandler>();
            var payments = sp.GetRequiredService<PaymentsHandler>();
            Check(await projects.ApproveAsync(meals, new(8_000_000), ct));
            Check(await payments.PayAsync(meals, new(2_000_000, today.AddDays(-290), "桃花村股份经济合作社", "厨具设备采购"), ct));
            Check(await payments.PayAsync(meals, new(2_500_000, today.AddDays(-200), "桃花村股份经济合作社", "上半年食材补贴"), ct));
            Check(await payments.PayAsync(meals, new(2_500_000, today.AddDays(-90), "桃花村股份经济合作社", "下半年食材补贴"), ct));
            Check(await payments.PayAsync(meals, new(1_000_000, today.AddDays(-60), "云溪县保温箱厂", "送餐保温箱"), ct));

            Check(await projects.ApproveAsync(summer, new(6_000_000), ct));
            // 60,000 yuan: above the threshold, it waits for a second approver (admin, below).
            summerPayment = Check(await payments.PayAsync(summer, new(6_000_000, today.AddDays(-150), "桃源镇新时代文明实践所", "春蕾暑期课堂全部经费"), ct)).Id;

            Check(await projects.ApproveAsync(clean, new(1_500_000), ct));
            Check(await payments.PayAsync(clean, new(500_000, today.AddDays(-45), "云溪县五金店", "清扫工具"), ct));
            var wrong = Check(await payments.PayAsync(clean, new(200_000, today.AddDays(-30), "云溪县五金店", "防护手套"), ct)).Id;
            Check(await payments.ReverseAsync(wrong, "发票金额有误，已退回重新开具", ct));
            var returned = today.AddDays(-29);
            await sp.GetRequiredService<AppDbContext>().Set<FundPayment>().Where(p => p.ReversesId == wrong)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.PaidOn, returned).SetProperty(x => x.CreatedAt, WorkingHour(returned)), ct);
            Check(await payments.PayAsync(clean, new(180_000, today.AddDays(-28), "云溪县五金店", "防护手套（重新开票）"), ct));

            Check(await projects.ApproveAsync(rescue, new(10_000_000), ct));
            // 70,000 yuan, still waiting for its second approver: the center's home shows it.
            Check(await payments.PayAsync(rescue, new(7_000_000, today.AddDays(-3), "云溪县应急装备有限公司", "救生衣与对讲机"), ct));
        });

        await AsAsync(demo, "admin", Role.SystemAdmin, demo.CityId, async sp =>
            Check(await sp.GetRequiredService<PaymentsHandler>().ApproveAsync(summerPayment, ct)));

        await AsAsync(demo, "village1", Role.StationAdmin, village, async sp =>
        {
            var projects = sp.GetRequiredService<ProjectsHandler>();
            Check(await projects.ReportOutcomeAsync(meals, new("助餐点全年开餐 300 天，送餐 9000 余份，志愿者 26 人轮流送餐", 32), ct));
            Check(await projects.CloseAsync(meals, ct));
        });
        await AsAsync(demo, "town1", Role.InstituteAdmin, township, async sp =>
            Check(await sp.GetRequiredService<ProjectsHandler>().ReportOutcomeAsync(summer, new("开课六周，辅导作业、阅读和防溺水教育，结业汇报演出一场", 86), ct)));
    }

    /// <summary>10:00 China time on that day, in UTC.</summary>
    private static DateTime WorkingHour(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) - Text.ChinaOffset;

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Demo fund data refused: " + result.Error!.Code + " " + result.Error.Message);

    private async Task AsAsync(DemoCountyData demo, string login, Role role, long unitId, Func<IServiceProvider, Task> step)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var unit = await orgs.FindUnscopedAsync(unitId) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(
            demo.UserIdByLogin[login], login, [role], unit.Id, unit.CountyId, demo.PersonIdByLogin.TryGetValue(login, out var person) ? person : null);
        var orgScope = sp.GetRequiredService<OrgScope>();
        if (role == Role.SystemAdmin)
        {
            orgScope.AllowEverything();
        }
        else
        {
            orgScope.RestrictTo(unit.Path);
        }

        await step(sp);
    }
}
