using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Modules.Activities.Domain;

/// <summary>
/// "This volunteer was reminded of this activity." The primary key is the claim: when two nodes run
/// the reminder job at once, only one insert succeeds, and the loser's messages roll back with it.
/// Not audited: the row itself is the record of what the system sent, and it is written by no person.
/// </summary>
[NotAudited]
public sealed class ActivityReminder
{
    private ActivityReminder()
    {
    }

    public long ActivityId { get; private set; }

    public long VolunteerId { get; private set; }

    public DateTime SentAt { get; private set; }

    public static ActivityReminder Sent(long activityId, long volunteerId, DateTime nowUtc) =>
        new() { ActivityId = activityId, VolunteerId = volunteerId, SentAt = nowUtc };
}

/// <summary>A person's secret calendar address (iCal feed); resetting it issues a new token and the old link stops working.</summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
    }

    public long PersonId { get; private set; }

    [Sensitive]
    public string Token { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static CalendarFeed For(long personId, DateTime nowUtc) => new() { PersonId = personId, Token = NewToken(), CreatedAt = nowUtc };

    public void Reset(DateTime nowUtc)
    {
        Token = NewToken();
        CreatedAt = nowUtc;
    }

    // 128 random bits, URL-safe: the link is the only credential a calendar app can carry.
    private static string NewToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
