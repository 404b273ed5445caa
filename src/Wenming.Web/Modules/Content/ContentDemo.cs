using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Content;

/// <summary>
/// The demo county's articles over the past months: county news and study material, township and village notices,
/// an activity report drafted from an activity's archive; most published (one pinned, one expired), and some still
/// in review so that center and town1 find something to approve on their home page, one sent back with a reason.
/// Written as the demo cadres with their own timestamps, so the portal's lists have a history.
/// </summary>
internal sealed class ContentDemo(IServiceScopeFactory scopes, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 330;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentActor>().Operator("demo");
        using var open = sp.GetRequiredService<OrgScope>().Unscoped(because: Why.SystemOperation);
        var db = sp.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var county = demo.CountyId;
        var township = demo.TownshipIds[0];
        var taohua = demo.VillageIds[0];
        var xikou = demo.VillageIds.Count > 3 ? demo.VillageIds[3] : demo.VillageIds[^1];

        (long Unit, string Author, string Reviewer, ArticleKind Kind, string Title, string Summary, string Body, int DaysAgo, ArticleStatus Status)[] articles =
        [
            (county, "center", "admin", ArticleKind.News, "云溪县召开新时代文明实践工作推进会", "部署下半年“两心融合”和志愿服务点单工作",
                "## 会议要点\n\n县委宣传部召开全县新时代文明实践工作推进会，各镇（街道）实践所负责人参加。\n\n- 推进融媒体中心与实践中心**两心融合**\n- 群众点单、中心派单、志愿者接单、群众评单\n- 年底前每个村（社区）实践站至少组建 3 支志愿服务队\n\n会议还通报了上半年考评情况。", 150, ArticleStatus.Published),
            (county, "center", "admin", ArticleKind.Study, "学习材料：党的二十届三中全会精神百问", "宣讲员备课用，分十讲",
                "### 第一讲 为什么要进一步全面深化改革\n\n> 改革开放是党和人民事业大踏步赶上时代的重要法宝。\n\n请各宣讲队结合本村实际，用群众听得懂的话讲。\n\n更多资料见 [中国文明网](https://www.wenming.cn/)。", 120, ArticleStatus.Published),
            (county, "center", "admin", ArticleKind.News, "“我们的节日·中秋”活动在全县展开", "各实践站举办赏月、包月饼、慰问空巢老人",
                "中秋节前后，全县 12 个村（社区）实践站共开展活动 36 场，志愿者 420 余人次参与，走访慰问空巢、独居老人 260 户。", 75, ArticleStatus.Published),
            (county, "center", "admin", ArticleKind.Notice, "关于开展冬季志愿服务集中行动的通知", "12 月 5 日国际志愿者日前后集中开展",
                "各镇（街道）实践所、各村（社区）实践站：\n\n1. 12 月 1 日至 12 月 15 日集中开展“温暖冬季”志愿服务；\n2. 重点关爱空巢老人、留守儿童、困难群众；\n3. 活动结束后 3 日内在平台录入活动档案。\n\n云溪县新时代文明实践中心", 6, ArticleStatus.Published),
            (county, "center", "admin", ArticleKind.Study, "移风易俗：红白喜事简办倡议书", "倡导婚事新办、丧事简办、其他事不办",
                "请各村红白理事会对照执行，彩礼、宴席标准以村规民约为准。", 30, ArticleStatus.Published),
            (township, "town1", "center", ArticleKind.Notice, "桃源镇志愿者培训报名通知", "应急救护、防溺水培训，每期 40 人",
                "报名时间：本周五前；地点：镇实践所二楼培训室。培训合格者发放志愿服务培训证明。", 20, ArticleStatus.Published),
            (township, "town1", "center", ArticleKind.News, "桃源镇春蕾暑期课堂圆满结课", "六周服务留守儿童 86 名",
                "暑期课堂由桃源镇青年志愿服务队承办，开设作业辅导、阅读、安全教育课程。", 110, ArticleStatus.Published),
            (taohua, "village1", "town1", ArticleKind.Notice, "桃花村本周六义诊通知", "县人民医院专家进村，免费测血压血糖",
                "时间：本周六上午 8:30—11:30\n\n地点：村文化礼堂\n\n请 60 岁以上村民带上医保卡。", 3, ArticleStatus.Published),
            (taohua, "village1", "town1", ArticleKind.ActivityReport, "活动报道：桃花村孝老爱亲助餐点开餐", "由活动档案生成，附签到与照片记录",
                "## 活动概况\n\n- 时间：上月 15 日\n- 地点：桃花村助餐点\n- 参与志愿者：12 人，服务时长 36 小时\n\n## 活动内容\n\n志愿者为 40 位 70 岁以上老人送餐上门，并为行动不便的老人打扫卫生。", 40, ArticleStatus.Published),
            (taohua, "village1", "town1", ArticleKind.Notice, "桃花村国庆升旗仪式通知", "已结束", "10 月 1 日早 7 点村委会广场升旗。", 65, ArticleStatus.Withdrawn),
            (xikou, "village2", "town2", ArticleKind.Notice, "溪口村河道清洁志愿活动招募", "本周日上午，需 20 名志愿者",
                "集合地点：溪口村村委会；请自带手套。", 4, ArticleStatus.Published),
            (county, "center", "admin", ArticleKind.News, "云溪县表彰第三季度“最美志愿者”", "待审核",
                "经各镇推荐、县中心评审，表彰 10 名“最美志愿者”。", 1, ArticleStatus.Submitted),
            (township, "town1", "center", ArticleKind.Study, "桃源镇理论宣讲稿：乡村振兴怎么干", "待审核",
                "结合桃源镇茶产业，讲清楚产业振兴、人才振兴、文化振兴的关系。", 2, ArticleStatus.Submitted),
            (taohua, "village1", "town1", ArticleKind.News, "桃花村“好媳妇好婆婆”评选结果公示", "待审核",
                "经村民推荐、评议，评出好媳妇 5 名、好婆婆 3 名，公示 5 天。", 1, ArticleStatus.Submitted),
            (taohua, "village1", "town1", ArticleKind.ActivityReport, "活动报道草稿：重阳节敬老宴", "退回修改",
                "志愿者为全村老人办敬老宴。", 10, ArticleStatus.Draft),
        ];

        foreach (var a in articles)
        {
            var at = now.AddDays(-a.DaysAgo);
            var article = Article.Draft(demo.CountyId, a.Unit, a.Kind, a.Title, a.Summary, a.Body, null,
                demo.UserIdByLogin[a.Author], a.Author, at.AddHours(-6));
            if (a.Status != ArticleStatus.Draft)
            {
                article.Submit(at.AddHours(-5));
            }

            if (a.Status is ArticleStatus.Published or ArticleStatus.Withdrawn)
            {
                article.Approve(false, demo.UserIdByLogin[a.Reviewer], a.Reviewer, at.AddHours(-2));
                article.Publish(a.DaysAgo == 6, a.Kind == ArticleKind.Notice && a.DaysAgo < 10 ? now.AddDays(10) : null, a.Author, at);
            }

            if (a.Status == ArticleStatus.Withdrawn)
            {
                article.Withdraw(at.AddDays(5));
            }

            if (a.Status == ArticleStatus.Draft)
            {
                article.Submit(at.AddHours(-5));
                article.Reject("请补充活动照片和参与人数，删去老人的全名", at.AddHours(-1));
            }

            db.Add(article);
        }

        await db.SaveChangesAsync(ct);
    }
}
