using Wenming.Web.Modules.Training.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Training;

/// <summary>
/// The demo county's volunteer academy: three courses, a year of sessions (about two a month, at the center and the
/// townships) with their attendance, three sessions ahead open for sign-up (volunteer1 signed up for the next), one
/// recent session whose attendance is still to be marked (the center's to-do), and 应急救援 teams requiring 急救知识培训.
/// Written as history, since sign-up refuses sessions that have begun.
/// </summary>
internal sealed class TrainingDemo(AppDbContext db, IVolunteerDirectory volunteers, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 350;

    private static readonly (string Title, string Description, string[] Trainers, decimal Hours)[] Courses =
    [
        ("新志愿者岗前培训", "志愿服务理念、礼仪、安全须知和平台使用，新注册志愿者上岗前参加", ["县志愿服务联合会 王丽", "县文明实践中心 陈刚"], 2),
        ("急救知识培训", "心肺复苏、AED 使用、止血包扎和常见意外处置，含实操考核", ["县红十字会 刘医生", "县人民医院急诊科 周敏"], 3),
        ("理论宣讲骨干培训", "宣讲稿写作、百姓语言讲政策、现场互动技巧", ["县委党校 李教授", "县委宣传部 赵宣讲员"], 2.5m),
    ];

    private static readonly string[] Places = ["县文明实践中心二楼培训室", "桃源镇文明实践所会议室", "云溪大剧院多功能厅"];

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(59);
        var trainees = new List<long>();
        foreach (var login in new[] { "leader1", "volunteer1", "volunteer2", "volunteer3", "volunteer4", "volunteer5" })
        {
            if (demo.PersonIdByLogin.TryGetValue(login, out var person) && await volunteers.FindByPersonUnscopedAsync(person, ct) is { IsApproved: true } v)
            {
                trainees.Add(v.Id);
            }
        }

        var courses = Courses.Select(c => Course.Create(demo.CountyId, demo.CountyId, c.Title, c.Description, now.AddDays(-400))).ToList();
        db.AddRange(courses);
        await db.SaveChangesAsync(ct);
        db.Add(CourseRequirement.Create(demo.CountyId, nameof(TeamCategory.Emergency), courses[1].Id, now.AddDays(-300)));

        var units = new List<long> { demo.CountyId };
        units.AddRange(demo.TownshipIds.Take(2));
        var sessions = new List<(TrainingSession Session, bool Past, bool Marked)>();
        var today = Text.ToChinaTime(now).Date;
        for (var daysAgo = 360; daysAgo >= 8; daysAgo -= 15 + random.Next(5))
        {
            var i = random.Next(Courses.Length);
            sessions.Add((Session(demo, courses, units, i, today.AddDays(-daysAgo), random, now), true, true));
        }

        // Held three days ago, attendance not yet marked: the center's to-do on its home page.
        sessions.Add((Session(demo, courses, units, 0, today.AddDays(-3), random, now, unit: demo.CountyId), true, false));
        foreach (var (daysAhead, course) in new[] { (5, 1), (12, 2), (20, 0) })
        {
            sessions.Add((Session(demo, courses, units, course, today.AddDays(daysAhead), random, now, unit: demo.CountyId), false, false));
        }

        db.AddRange(sessions.Select(s => s.Session));
        await db.SaveChangesAsync(ct);

        var firstAhead = sessions.First(s => !s.Past).Session;
        foreach (var (session, past, marked) in sessions)
        {
            var who = past ? trainees.Where(_ => random.Next(10) < 6).ToList() : session == firstAhead ? trainees.Take(2).ToList() : [];
            foreach (var volunteerId in who)
            {
                var place = TrainingEnrollment.Create(session, volunteerId, null, session.StartsAt.AddDays(-5));
                if (marked)
                {
                    place.MarkAttendance(random.Next(10) < 9, session.StartsAt.AddHours(3));
                }

                db.Add(place);
            }

            session.CountEnrolled(who.Count);
        }

        await db.SaveChangesAsync(ct);
    }

    private static TrainingSession Session(
        DemoCountyData demo, List<Course> courses, List<long> units, int course, DateTime chinaDay, Random random, DateTime now, long? unit = null)
    {
        var (title, _, trainers, hours) = Courses[course];
        var startsAt = new DateTimeOffset(chinaDay.AddHours(course == 1 ? 14 : 9), Text.ChinaOffset).UtcDateTime;
        var at = unit ?? units[random.Next(units.Count)];
        return TrainingSession.Create(
            demo.CountyId, at, courses[course].Id, title, startsAt, (int)(hours * 60), trainers[random.Next(trainers.Length)],
            at == demo.CountyId ? Places[0] : Places[1], course == 1 ? 30 : 50, now.AddDays(-400));
    }
}
