using System.Globalization;

namespace Wenming.Web.Modules.Points.Features.Earning;

/// <summary>
/// The arithmetic of automatic earning, in whole points. Both roundings go down: points are paid for
/// service actually given, never for a fraction of it rounded up (2 h 50 min at 10 points an hour is 28
/// points, and the organizer's 20 % of 28 is 5).
/// </summary>
public static class EarningAmounts
{
    /// <summary>Points for <paramref name="minutes"/> of confirmed service: minutes × per hour ÷ 60, rounded down.</summary>
    public static long ForServiceMinutes(int minutes, long perServiceHour) =>
        minutes <= 0 || perServiceHour <= 0 ? 0 : minutes * perServiceHour / 60;

    /// <summary>The organizer's share of an attendee's hour points: percent of them, rounded down.</summary>
    public static long OrganizerBonus(long attendeeHourPoints, int percent) =>
        attendeeHourPoints <= 0 || percent <= 0 ? 0 : attendeeHourPoints * percent / 100;

    /// <summary>Hours as a person reads them in a statement: 2.5, 8, 0.33.</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Cuts a reason to the ledger's 200 characters.</summary>
    public static string Reason(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
