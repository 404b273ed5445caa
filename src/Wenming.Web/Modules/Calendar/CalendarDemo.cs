using Wenming.Web.Modules.Calendar.Domain;
using Wenming.Web.Modules.Calendar.Features;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Calendar;

/// <summary>
/// The demo county's calendar for this year and the next: responsible units for the festivals and theme days the
/// county marks (中秋 with the first township, 学雷锋纪念日 and 国际志愿者日 with the center, 重阳 with a village)
/// and its own dates (志愿服务月, 全民健身日, a village's harvest festival).
/// </summary>
internal sealed class CalendarDemo(IServiceScopeFactory scopes, IOrgDirectory orgs, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 340;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var county = demo.CountyId;
        var township = demo.TownshipIds[0];
        var village = demo.VillageIds[0];
        var thisYear = clock.GetUtcNow().ToOffset(Text.ChinaOffset).Year;
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var unit = await orgs.FindUnscopedAsync(county, ct) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(demo.UserIdByLogin["center"], "center", [Role.CenterAdmin], unit.Id, unit.CountyId, null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        var calendar = sp.GetRequiredService<CalendarHandler>();
        foreach (var year in new[] { thisYear, thisYear + 1 })
        {
            var days = PracticeDays.For(year).ToDictionary(d => d.Name, d => d.Date);
            (long Unit, DateOnly Date, string Name, string? Note)[] dates =
            [
                (county, days[Text.Get("Practice.day.lei_feng")], Text.Get("Practice.day.lei_feng"), "全县学雷锋志愿服务集中行动"),
                (county, days[Text.Get("Practice.day.volunteer")], Text.Get("Practice.day.volunteer"), "优秀志愿者和志愿服务项目表彰"),
                (township, days[Text.Get("Practice.day.mid_autumn")], Text.Get("Practice.day.mid_autumn"), "“我们的节日·中秋”邻里团圆会"),
                (village, days[Text.Get("Practice.day.double_ninth")], Text.Get("Practice.day.double_ninth"), "敬老孝亲：为 70 岁以上老人过集体生日"),
                (township, days[Text.Get("Practice.day.spring")].AddDays(-10), "“我们的节日·春节”写春联送福字", "书法志愿者进村写春联"),
                (county, new DateOnly(year, 3, 1), "云溪县志愿服务月启动仪式", "三月志愿服务月，全县各所站同步开展"),
                (county, new DateOnly(year, 8, 8), "全民健身日", "全民健身场馆免费开放，健身志愿者现场指导"),
                (village, new DateOnly(year, 9, 23), "桃花村农民丰收节", "农产品展销、文艺汇演"),
            ];
            foreach (var d in dates)
            {
                var result = await calendar.AddAsync(new(d.Unit, d.Date, d.Name, d.Note), ct);
                if (!result.IsSuccess && result.Error!.Code != "calendar_date.duplicate")
                {
                    throw new InvalidOperationException("Demo calendar refused: " + result.Error.Code + " " + result.Error.Message);
                }
            }
        }
    }
}
