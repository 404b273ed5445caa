using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Modules.Notifications.Domain;

/// <summary>
/// One in-app message for one account. Not org-scoped: it belongs to its recipient, who may sit
/// outside the sender's subtree (an escalation reaches the parent unit), and every read filters by
/// the signed-in account instead.
/// </summary>
[NotAudited]
public sealed class Notification
{
    public const int TitleMax = 100;
    public const int BodyMax = 500;
    public const int LinkMax = 300;

    private Notification()
    {
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public static Notification For(long userId, Notice notice, DateTime nowUtc) => new()
    {
        UserId = userId,
        Title = Clip(notice.Title, TitleMax),
        Body = Clip(notice.Body, BodyMax),
        // Only site-relative links: a message must never send anyone off the platform.
        Link = notice.Link is { } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? Clip(link, LinkMax) : null,
        CreatedAt = nowUtc,
    };

    public void MarkRead(DateTime nowUtc) => ReadAt ??= nowUtc;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A person's notification choices; absent row = the defaults.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public long PersonId { get; private set; }

    public bool ActivityReminders { get; private set; } = true;

    public int ReminderLeadHours { get; private set; } = (int)IReminderPreferences.DefaultLead.TotalHours;

    public DateTime UpdatedAt { get; private set; }

    public static NotificationPreference Defaults(long personId) => new() { PersonId = personId };

    public void Change(bool activityReminders, int leadHours, DateTime nowUtc)
    {
        ActivityReminders = activityReminders;
        ReminderLeadHours = leadHours;
        UpdatedAt = nowUtc;
    }
}
