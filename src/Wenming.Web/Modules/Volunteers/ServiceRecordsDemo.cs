using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;
using Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;
using Wenming.Web.Modules.Volunteers.Features.ReverseServiceRecord;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>
/// The demo volunteers' service history over the past months, made through the handlers: volunteer1
/// above 100 confirmed hours (★), leader1 a day's work a month for the team they lead (their home page showed 0 hours),
/// volunteer2 with a reversed record and its correction, and a few
/// records still pending for the village admin to confirm. Recorded in the order of their dates, and before the
/// activities' demo steps, whose check-ins are newer: each confirmation pays points, and a statement lists its rows
/// in the order they were posted (PointsHistoryDemo dates them on their service days).
/// </summary>
internal sealed class ServiceRecordsDemo(
    AppDbContext db, RecordServiceHoursHandler record, DecideServiceRecordHandler decide, ReverseServiceRecordHandler reverse, TimeProvider clock)
    : IDemoSeedStep
{
    // After VolunteersDemo (100), which approves the volunteers this step records for, and the starting points (102).
    public int Order => 105;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var ids = new Dictionary<string, long>();
        foreach (var login in new[] { "leader1", "volunteer1", "volunteer2", "volunteer3", "volunteer4", "volunteer5" })
        {
            var personId = demo.PersonIdByLogin[login];
            ids[login] = await db.Set<Volunteer>().Where(v => v.PersonId == personId).Select(v => v.Id).SingleAsync(ct);
        }

        // volunteer1: 14 Saturdays of 8 hours = 112 h, one star.
        for (var week = 14; week >= 1; week--)
        {
            await ConfirmedAsync(ids["volunteer1"], today.AddDays(-7 * week), "桃花村文化礼堂", "理论政策宣讲", 8m, ct);
        }

        // leader1: the village team's monthly service day, eleven months back, 6 h each.
        string[] themes = ["敬老院集中服务日", "村道环境整治", "留守儿童结对帮扶", "防汛物资清点"];
        for (var month = 11; month >= 1; month--)
        {
            await ConfirmedAsync(ids["leader1"], today.AddMonths(-month).AddDays(-3), "桃花村新时代文明实践站", themes[month % themes.Length], 6m, ct);
        }

        // volunteer2: a record entered as 14 h instead of 4 h, reversed with a reason, then recorded again correctly.
        for (var month = 4; month >= 1; month--)
        {
            await ConfirmedAsync(ids["volunteer2"], today.AddMonths(-month), "桃花村养老服务站", "助老陪伴服务", 4m, ct);
        }

        var wrong = await ConfirmedAsync(ids["volunteer2"], today.AddDays(-20), "桃花村养老服务站", "助老陪伴服务", 14m, ct);
        Check(await reverse.HandleAsync(wrong, new ReverseServiceRecordRequest("时长登记错误，应为 4 小时"), ct));
        await ConfirmedAsync(ids["volunteer2"], today.AddDays(-20), "桃花村养老服务站", "助老陪伴服务（更正）", 4m, ct);

        await ConfirmedAsync(ids["volunteer3"], today.AddMonths(-2), "桃花村村委会", "环境卫生整治", 3m, ct);
        await ConfirmedAsync(ids["volunteer3"], today.AddMonths(-1), "桃花村村委会", "环境卫生整治", 3.5m, ct);
        await ConfirmedAsync(ids["volunteer4"], today.AddMonths(-3), "桃花村小学", "四点半课堂辅导", 2m, ct);
        await ConfirmedAsync(ids["volunteer5"], today.AddMonths(-1), "桃花村文化广场", "文艺演出保障", 5m, ct);

        // Waiting for the village admin.
        await RecordAsync(ids["volunteer3"], today.AddDays(-2), "桃花村村委会", "防汛值守", 6m, ct);
        await RecordAsync(ids["volunteer5"], today.AddDays(-1), "桃花村文化广场", "广场舞活动秩序维护", 2.5m, ct);
    }

    private async Task<long> RecordAsync(long volunteerId, DateOnly date, string place, string content, decimal hours, CancellationToken ct) =>
        Check(await record.HandleAsync(volunteerId, new RecordServiceHoursRequest(date, place, content, hours), ct)).Id;

    private async Task<long> ConfirmedAsync(long volunteerId, DateOnly date, string place, string content, decimal hours, CancellationToken ct)
    {
        var id = await RecordAsync(volunteerId, date, place, content, hours, ct);
        Check(await decide.ConfirmAsync(id, ct));
        return id;
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo service records: {result.Error!.Code} {result.Error.Message}");
}
