using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>
/// A year of activities held in every village of the demo county (issue 12), so that the activity trend and the
/// rankings show something real: one or two a month, more in spring and autumn, and the 我们的节日 peaks (春节
/// 写春联, 清明 祭英烈, 端午 包粽子, 中秋 共赏月, 重阳 敬老). Each walks the domain's own life cycle (created,
/// published, started, finished) with its village team's members enrolled at the time; the activities of the
/// other demo steps stay as the tests know them. Deterministic (no random). The hours of that year come from
/// ServiceHistoryDemo, so these carry no attendance.
/// </summary>
internal sealed class ActivityHistoryDemo(AppDbContext db, IVolunteerDirectory volunteers, TimeProvider clock) : IDemoSeedStep
{
    private static readonly (string Title, ActivityCategory Category, string Place)[] Ordinary =
    [
        ("理论政策宣讲进村", ActivityCategory.PromotePolicy, "村文化礼堂"), ("农技培训", ActivityCategory.StudyTheory, "村委会"),
        ("环境卫生大扫除", ActivityCategory.ReformCustoms, "村文化广场"), ("义诊进村", ActivityCategory.ConvenienceService, "村卫生室"),
        ("广场舞展演", ActivityCategory.EnrichCulture, "村文化广场"), ("移风易俗宣传", ActivityCategory.ReformCustoms, "村文化礼堂"),
    ];

    // After the other activity steps (110–150) and the service history (160): the teams and members exist.
    public int Order => 170;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now + Text.ChinaOffset);
        var made = new List<(Activity Activity, IReadOnlyList<long> Volunteers)>();
        foreach (var (village, v) in demo.VillageIds.Select((id, i) => (id, i)))
        {
            var teams = await volunteers.TeamsOfUnitUnscopedAsync(village, ct);
            var team = teams.Count > 0 ? teams[0] : null;
            var members = team is null ? [] : (await volunteers.TeamMembersUnscopedAsync(team.Id, ct)).Select(m => m.VolunteerId).ToList();
            for (var monthsAgo = 12; monthsAgo >= 1; monthsAgo--)
            {
                var month = today.AddMonths(-monthsAgo);
                var plans = new List<(string Title, ActivityCategory Category, string Place, int Day)>();
                if (Festival(month.Month) is { } festival)
                {
                    plans.Add((festival.Title, festival.Category, festival.Place, festival.Day));
                }

                var ordinary = 1 + (month.Month is 3 or 4 or 5 or 9 or 10 or 11 ? 1 : 0) + (v % 2);
                for (var n = 0; n < ordinary; n++)
                {
                    var kind = Ordinary[((v * 5) + (monthsAgo * 3) + n) % Ordinary.Length];
                    plans.Add((kind.Title, kind.Category, kind.Place, 2 + (((v * 7) + (n * 11) + monthsAgo) % 25)));
                }

                foreach (var (plan, n) in plans.Select((p, i) => (p, i)))
                {
                    var day = new DateOnly(month.Year, month.Month, Math.Min(plan.Day, DateTime.DaysInMonth(month.Year, month.Month)));
                    var starts = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(9 + (n % 2 * 5), 0)) - Text.ChinaOffset, DateTimeKind.Utc);
                    if (starts > now.AddDays(-1))
                    {
                        continue;
                    }

                    var created = starts.AddDays(-7);
                    var activity = Activity.Create(demo.CountyId, village, team?.Id, plan.Title, null, plan.Category, plan.Place,
                        starts, starts.AddHours(2), 30, null, null, null, null, null, created);
                    foreach (var action in (ActivityAction[])[ActivityAction.Publish, ActivityAction.Start, ActivityAction.Finish])
                    {
                        if (activity.Apply(action) is { } refused)
                        {
                            throw new InvalidOperationException($"Demo activity history: {refused.Code}");
                        }
                    }

                    var count = members.Count == 0 ? 0 : Math.Min(members.Count, 2 + ((v + monthsAgo + n) % members.Count));
                    made.Add((activity, members.Take(count).ToList()));
                }
            }
        }

        db.AddRange(made.Select(m => m.Activity));
        await db.SaveChangesAsync(ct);
        // Places are counted by a conditional update in the sign-up (Enroll), so the count is set the same way.
        foreach (var (activity, enrolled) in made.Where(m => m.Volunteers.Count > 0))
        {
            db.AddRange(enrolled.Select(id => Enrollment.Create(activity, id, EnrollmentStatus.Enrolled, null, null, activity.CreatedAt.AddDays(1))));
        }

        // The enrollments and their counts in one transaction: SQLite would otherwise commit each update on its own.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (activity, enrolled) in made.Where(m => m.Volunteers.Count > 0))
        {
            await db.Set<Activity>().Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrolledCount, enrolled.Count), ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>我们的节日 in the month they usually fall in, each a village's big day.</summary>
    private static (string Title, ActivityCategory Category, string Place, int Day)? Festival(int month) => month switch
    {
        1 => ("春节写春联送祝福", ActivityCategory.CultivateValues, "村文化礼堂", 20),
        2 => ("元宵猜灯谜", ActivityCategory.EnrichCulture, "村文化广场", 12),
        4 => ("清明祭英烈", ActivityCategory.CultivateValues, "烈士纪念碑", 3),
        6 => ("端午包粽子敬老人", ActivityCategory.CultivateValues, "村养老服务站", 8),
        9 => ("中秋共赏月", ActivityCategory.EnrichCulture, "村文化广场", 15),
        10 => ("重阳敬老宴", ActivityCategory.CultivateValues, "村养老服务站", 20),
        _ => null,
    };
}
