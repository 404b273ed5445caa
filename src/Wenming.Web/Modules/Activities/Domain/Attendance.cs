using System.Security.Cryptography;
using System.Text;

namespace Wenming.Web.Modules.Activities.Domain;

/// <summary>How an arrival or departure was recorded: the volunteer scanned the code on site, or an organizer entered it.</summary>
public enum CheckInMethod
{
    Qr = 1,
    Manual = 2,
}

/// <summary>When attendance may be recorded and how much service it is worth (RULES.md: hours capped by the activity's span).</summary>
public static class AttendanceRules
{
    /// <summary>People arrive early to set up; the desk opens an hour before the start.</summary>
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromHours(1);

    /// <summary>Late check-outs (tidying up, forgetting to scan) are still taken for two hours after the end.</summary>
    public static readonly TimeSpan ClosesAfterEnd = TimeSpan.FromHours(2);

    /// <summary>Attendance is taken only while the activity runs (published or ongoing) and near its time.</summary>
    public static bool IsOpen(Activity activity, DateTime atUtc) =>
        activity.Status is ActivityStatus.Published or ActivityStatus.Ongoing
        && atUtc >= activity.StartsAt - OpensBeforeStart
        && atUtc <= activity.EndsAt + ClosesAfterEnd;

    /// <summary>
    /// Whole minutes of service: check-out − check-in with both clamped to [start, end], so arriving early
    /// or leaving late adds nothing. Without a check-out the service counts until the end of the activity;
    /// the record stays pending, so the organizer confirms or corrects that assumption. At most one day
    /// (the service-record limit), and 0 when the volunteer came after the end or left before the start.
    /// </summary>
    public static int ServiceMinutes(DateTime checkedInAt, DateTime? checkedOutAt, DateTime startsAt, DateTime endsAt)
    {
        var from = checkedInAt < startsAt ? startsAt : checkedInAt;
        var until = checkedOutAt is { } outAt && outAt < endsAt ? outAt : endsAt;
        if (until <= from)
        {
            return 0;
        }

        return (int)Math.Min(Math.Floor((until - from).TotalMinutes), 24 * 60);
    }
}

/// <summary>
/// The rotating on-site code: an HMAC of (activity, 30-second period) under the activity's secret key,
/// which lives in the database, so every web node issues and accepts the same codes with no state of
/// its own (ADR 0007). A code is accepted in its own period and the next one, so a phone that scans it
/// just before it rotates still has at least 30 seconds to send it.
/// </summary>
public sealed class CheckInCodes(TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    /// <summary>The code to show now, when the display should fetch the next one, and until when this one is accepted.</summary>
    public (string Token, DateTimeOffset RotatesAt, DateTimeOffset ExpiresAt) Current(byte[] secret, long activityId)
    {
        var period = PeriodOf(clock.GetUtcNow());
        var rotatesAt = DateTimeOffset.FromUnixTimeSeconds((period + 1) * (long)Period.TotalSeconds);
        return (Token(secret, activityId, period), rotatesAt, rotatesAt + Period);
    }

    /// <summary>True when <paramref name="token"/> is this activity's code of the current or the previous period.</summary>
    public bool IsValid(byte[] secret, long activityId, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(token.Trim());
        var period = PeriodOf(clock.GetUtcNow());
        // Compared in constant time, so response timing does not reveal how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Token(secret, activityId, period)))
            | CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Token(secret, activityId, period - 1)));
    }

    private static long PeriodOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Period.TotalSeconds;

    /// <summary>12 bytes of the MAC in URL-safe base64 (16 characters): short enough for a small QR code, far beyond guessing in 60 s.</summary>
    private static string Token(byte[] secret, long activityId, long period)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"wenming-check-in:{activityId}:{period}"));
        return Convert.ToBase64String(mac, 0, 12).Replace('+', '-').Replace('/', '_');
    }
}

/// <summary>The secret an activity's codes are derived from; created on first use by one insert-if-absent, never changed.</summary>
public sealed class CheckInKey
{
    public long ActivityId { get; set; }

    public byte[] Secret { get; set; } = [];
}
