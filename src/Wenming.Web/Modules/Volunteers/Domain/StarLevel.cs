namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>
/// Star levels from cumulative confirmed service hours (RULES.md: ★100 ★★300 ★★★600 ★★★★1000
/// ★★★★★1500). The thresholds live only here; they become a per-county setting later.
/// </summary>
public static class StarLevel
{
    public static readonly IReadOnlyList<decimal> DefaultThresholds = [100m, 300m, 600m, 1000m, 1500m];

    /// <summary>0 to 5: how many thresholds the total reaches (a negative total, possible only by error, is 0).</summary>
    public static int For(decimal totalHours, IReadOnlyList<decimal>? thresholds = null) =>
        (thresholds ?? DefaultThresholds).Count(t => totalHours >= t);

    public static int ForMinutes(long totalMinutes) => For(ServiceHours.ToHours(totalMinutes));
}

/// <summary>
/// Service time is stored as whole minutes (int), not decimal hours: sums and comparisons are then
/// exact on every provider (SQLite has no real decimal type). The API speaks hours with 2 decimals.
/// </summary>
public static class ServiceHours
{
    public const int MaxMinutesPerRecord = 24 * 60;

    public static decimal ToHours(long minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    public static int ToMinutes(decimal hours) => (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
}
