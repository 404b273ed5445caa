namespace Wenming.Web.Modules.Notifications.Contracts;

/// <summary>Each person's choice about reminders before their activities (DESIGN §14: lead time and opt-out).</summary>
public interface IReminderPreferences
{
    /// <summary>The default lead time for people who never chose one.</summary>
    static readonly TimeSpan DefaultLead = TimeSpan.FromHours(24);

    /// <summary>The longest lead time a person may choose; jobs look this far ahead.</summary>
    static readonly TimeSpan MaxLead = TimeSpan.FromHours(72);

    /// <summary>For each of the persons, how long before an activity to remind them; absent when they opted out.</summary>
    Task<IReadOnlyDictionary<long, TimeSpan>> LeadTimesAsync(IReadOnlyCollection<long> personIds, CancellationToken ct);
}
