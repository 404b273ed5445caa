using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Activities.Features.FinishActivity;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>
/// Attendance in the demo county (桃花村): an activity going on now that volunteer1 and volunteer2 hold
/// places in (check in by scanning its code), and one finished three days ago whose attendance became
/// pending service records: an early arrival and late departure (capped), a normal one, one who never
/// checked out (counted to the end), and a no-show.
/// </summary>
internal sealed class AttendanceDemo(
    AppDbContext db, CreateActivityHandler create, ChangeActivityStatusHandler change, EnrollHandler enroll, FinishActivityHandler finish,
    IVolunteerDirectory volunteers, TimeProvider clock) : IDemoSeedStep
{
    // After the activities (110), so the volunteers' earlier sign-ups exist.
    public int Order => 120;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var village = demo.VillageIds[0];
        var people = new List<(long VolunteerId, long UserId)>();
        foreach (var login in new[] { "volunteer1", "volunteer2", "volunteer3", "volunteer4" })
        {
            if (await volunteers.FindByPersonUnscopedAsync(demo.PersonIdByLogin[login], ct) is { IsApproved: true } volunteer)
            {
                people.Add((volunteer.Id, demo.UserIdByLogin[login]));
            }
        }

        if (people.Count < 4)
        {
            return;
        }

        await OngoingAsync(village, [people[0].VolunteerId, people[1].VolunteerId], ct);
        await FinishedAsync(demo, village, people, ct);
    }

    /// <summary>Through the handlers: starts at the next quarter hour (so sign-up is still open), then started by the organizer.</summary>
    private async Task OngoingAsync(long village, IReadOnlyList<long> volunteerIds, CancellationToken ct)
    {
        var now = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime);
        var starts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, now.Offset).AddMinutes(15);
        var id = Check(await create.HandleAsync(new CreateActivityRequest(
            village, null, "村史馆讲解志愿服务", ActivityCategory.EnrichCulture, "桃花村村史馆", starts, starts.AddHours(3), 6, null, null, null,
            "为来访群众讲解村史，到场后请扫描现场二维码签到。", null), ct)).Id;
        Check(await change.HandleAsync(id, ActivityAction.Publish, ct));
        foreach (var volunteerId in volunteerIds)
        {
            Check(await enroll.HandleAsync(id, new EnrollRequest(volunteerId), ct));
        }

        Check(await change.HandleAsync(id, ActivityAction.Start, ct));
    }

    /// <summary>
    /// Sign-up and check-in refuse past times (rightly), so the past activity's places and attendance are
    /// written with the domain methods; finishing it then goes through the real handler.
    /// </summary>
    private async Task FinishedAsync(DemoCountyData demo, long village, List<(long VolunteerId, long UserId)> people, CancellationToken ct)
    {
        var today = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).Date;
        DateTime Utc(int hour, int minute) => new DateTimeOffset(today.AddDays(-3).AddHours(hour).AddMinutes(minute), Text.ChinaOffset).UtcDateTime;

        var activity = Activity.Create(
            demo.CountyId, village, null, "重阳敬老志愿服务", "到敬老院陪老人聊天、理发、打扫卫生。", ActivityCategory.CultivateValues, "桃花村敬老院",
            Utc(9, 0), Utc(11, 30), 8, null, null, null, null, demo.UserIdByLogin["village1"], Utc(9, 0).AddDays(-7));
        Check(activity.Apply(ActivityAction.Publish));
        Check(activity.Apply(ActivityAction.Start));
        db.Add(activity);
        await db.SaveChangesAsync(ct);

        var organizer = demo.UserIdByLogin["village1"];
        (DateTime In, DateTime? Out, CheckInMethod How)?[] attendance =
        [
            (Utc(8, 40), Utc(11, 55), CheckInMethod.Qr),    // early and late: counted 9:00–11:30
            (Utc(9, 10), Utc(11, 0), CheckInMethod.Qr),
            (Utc(9, 5), null, CheckInMethod.Manual),         // never checked out: counted to 11:30, pending for the organizer
            null,                                           // no-show
        ];
        for (var i = 0; i < people.Count; i++)
        {
            var enrollment = Enrollment.Create(activity, people[i].VolunteerId, EnrollmentStatus.Enrolled, null, organizer, Utc(9, 0).AddDays(-5));
            if (attendance[i] is { } a)
            {
                // A scan is recorded by the volunteer's own account, a manual entry by the organizer's.
                enrollment.RecordAttendance(a.In, a.Out, a.How, a.How == CheckInMethod.Manual ? organizer : people[i].UserId);
            }

            db.Add(enrollment);
        }

        await db.SaveChangesAsync(ct);
        await db.Set<Activity>().Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrolledCount, people.Count), ct);
        Check(await finish.HandleAsync(activity.Id, ct));
    }

    private static void Check(Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo attendance: {error.Code} {error.Message}");
        }
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo attendance: {result.Error!.Code} {result.Error.Message}");
}
