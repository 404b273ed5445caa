using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Notifications.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Notifications;

/// <summary>Adds messages to the caller's unit of work; they are written with the caller's change or not at all.</summary>
internal sealed class Notifier(AppDbContext db, IAccountDirectory accounts, TimeProvider clock) : INotifier, IReminderPreferences
{
    public async Task ToPersonAsync(long personId, Notice notice, CancellationToken ct) =>
        Add(await accounts.ActiveUserIdsOfPersonAsync(personId, ct), notice);

    public async Task ToUnitAdminsAsync(long orgUnitId, Notice notice, CancellationToken ct) =>
        Add(await accounts.ActiveAdminUserIdsOfUnitAsync(orgUnitId, ct), notice);

    public async Task<IReadOnlyDictionary<long, TimeSpan>> LeadTimesAsync(IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var chosen = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => personIds.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        var leads = new Dictionary<long, TimeSpan>();
        foreach (var personId in personIds.Distinct())
        {
            var preference = chosen.GetValueOrDefault(personId) ?? NotificationPreference.Defaults(personId);
            if (preference.ActivityReminders)
            {
                leads[personId] = TimeSpan.FromHours(preference.ReminderLeadHours);
            }
        }

        return leads;
    }

    private void Add(IReadOnlyList<long> userIds, Notice notice)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
        {
            db.Add(Notification.For(userId, notice, now));
        }
    }
}
