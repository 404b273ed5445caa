using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.Reminders;

/// <summary>
/// Reminds enrolled volunteers of their coming activities (DESIGN §14), each person at the lead time
/// they chose, once per (activity, volunteer) even with several nodes running the job: the reminder row's
/// primary key is the claim, and the message is saved in the same transaction as that row.
/// </summary>
public sealed class ActivityReminderJob(AppDbContext db, IVolunteerDirectory volunteers, IReminderPreferences preferences, INotifier notifier, ILogger<ActivityReminderJob> log)
    : IJob
{
    /// <summary>How many reminders one round looks at; the rest wait for the next round.</summary>
    private const int Batch = 500;

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var horizon = nowUtc + IReminderPreferences.MaxLead;
        var due = await (
            from e in db.Set<Enrollment>()
            join a in db.Set<Activity>() on e.ActivityId equals a.Id
            where e.Status == EnrollmentStatus.Enrolled && a.StartsAt > nowUtc && a.StartsAt <= horizon
                && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Ongoing)
                && !db.Set<ActivityReminder>().Any(r => r.ActivityId == e.ActivityId && r.VolunteerId == e.VolunteerId)
            orderby a.StartsAt
            select new { a.Id, a.Title, a.Place, a.StartsAt, e.VolunteerId })
            .AsNoTracking().Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var persons = await volunteers.PersonIdsUnscopedAsync([.. due.Select(d => d.VolunteerId).Distinct()], ct);
        var leads = await preferences.LeadTimesAsync([.. persons.Values.Distinct()], ct);
        var sent = 0;
        foreach (var d in due)
        {
            // Opted out, or not yet within this person's lead time: nothing now (a later round looks again).
            if (!persons.TryGetValue(d.VolunteerId, out var personId) || !leads.TryGetValue(personId, out var lead) || d.StartsAt - lead > nowUtc)
            {
                continue;
            }

            db.Add(ActivityReminder.Sent(d.Id, d.VolunteerId, nowUtc));
            var body = Text.Get("Reminder.Body", d.Title, Text.Display(d.StartsAt), d.Place);
            await notifier.ToPersonAsync(personId, new Notice(Text.Get("Reminder.Title"), body, $"/activities/{d.Id}"), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another node claimed this reminder first; forget ours, messages included.
                log.LogDebug("Reminder for activity {Activity} and volunteer {Volunteer} already sent elsewhere", d.Id, d.VolunteerId);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }
}
