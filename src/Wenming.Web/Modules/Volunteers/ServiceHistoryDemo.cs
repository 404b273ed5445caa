using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;
using Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>
/// A year of service in the other villages of the demo county, so that the statistics' trends and rankings have
/// something to show (issue 12): each approved volunteer outside the demo logins serves most months, a few hours
/// of the kind a village does. Deterministic (no random), made through the handlers like every demo record; the
/// demo logins' own histories (ServiceRecordsDemo) are left exactly as the other tests know them.
/// </summary>
internal sealed class ServiceHistoryDemo(AppDbContext db, RecordServiceHoursHandler record, DecideServiceRecordHandler decide, TimeProvider clock)
    : IDemoSeedStep
{
    private static readonly (string Place, string Content)[] Kinds =
    [
        ("村文化礼堂", "理论政策宣讲"), ("村养老服务站", "助老陪伴服务"), ("村小学", "四点半课堂辅导"),
        ("村文化广场", "文艺演出保障"), ("村委会", "环境卫生整治"), ("村卫生室", "健康义诊协助"),
    ];

    // After ServiceRecordsDemo (105).
    public int Order => 160;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
        var logins = demo.PersonIdByLogin.Values.ToHashSet();
        var volunteers = await db.Set<Volunteer>().AsNoTracking()
            .Where(v => v.Status == VolunteerStatus.Approved && demo.VillageIds.Contains(v.OrgUnitId))
            .OrderBy(v => v.Id).Select(v => new { v.Id, v.PersonId }).ToListAsync(ct);
        foreach (var (v, index) in volunteers.Where(v => !logins.Contains(v.PersonId)).Select((v, i) => (v, i)))
        {
            // This month too, up to yesterday: a county's statistics on the 6th already count the month's first week.
            for (var monthsAgo = 11; monthsAgo >= 0; monthsAgo--)
            {
                // Some months off, more service in spring and autumn: a curve, not a flat line.
                if ((index + monthsAgo) % 4 == 0)
                {
                    continue;
                }

                var day = today.AddMonths(-monthsAgo);
                // This month's days so far (none on the 1st), earlier months' 3rd to 26th.
                var date = monthsAgo == 0
                    ? new DateOnly(day.Year, day.Month, 1 + (index * 3 % Math.Max(1, today.Day - 1)))
                    : new DateOnly(day.Year, day.Month, 3 + ((index * 5) + monthsAgo) % 24);
                if (date >= today)
                {
                    continue;
                }

                var season = date.Month is 3 or 4 or 5 or 9 or 10 ? 2m : 0m;
                var hours = 1.5m + season + ((index + monthsAgo) % 3);
                var kind = Kinds[(index + monthsAgo) % Kinds.Length];
                var id = Check(await record.HandleAsync(v.Id, new RecordServiceHoursRequest(date, kind.Place, kind.Content, hours), ct)).Id;
                Check(await decide.ConfirmAsync(id, ct));
            }
        }
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo service history: {result.Error!.Code} {result.Error.Message}");
}
