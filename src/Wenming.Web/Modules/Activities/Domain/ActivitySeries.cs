using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Domain;

public enum RecurrenceFrequency
{
    Weekly = 1,
    Monthly = 2,
}

/// <summary>
/// A recurring activity's rule (RULES.md: weekly or monthly with an end date, at most 52 occurrences). The rule
/// only made the occurrences: each is an ordinary <see cref="Activity"/> carrying <see cref="Activity.SeriesId"/>,
/// changed or cancelled one by one or "from a date on" (ADR 0058). Scoped like its activities.
/// </summary>
public sealed class ActivitySeries : IOrgScoped, ICountyScoped
{
    public const int MaxOccurrences = 52;

    private ActivitySeries()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Title { get; private set; } = "";

    public RecurrenceFrequency Frequency { get; private set; }

    public int Interval { get; private set; }

    /// <summary>Weekly only: the weekdays as ISO numbers (1 = Monday … 7 = Sunday), comma-separated.</summary>
    public string? DaysOfWeek { get; private set; }

    /// <summary>The last day (China time) an occurrence may fall on.</summary>
    public DateOnly Until { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public static ActivitySeries Create(
        long countyId, long orgUnitId, string title, RecurrenceFrequency frequency, int interval, IReadOnlyCollection<int>? daysOfWeek, DateOnly until,
        long? createdBy, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            Title = title.Trim(),
            Frequency = frequency,
            Interval = interval,
            DaysOfWeek = frequency == RecurrenceFrequency.Weekly && daysOfWeek is { Count: > 0 } ? string.Join(',', daysOfWeek.Order()) : null,
            Until = until,
            CreatedAt = nowUtc,
            CreatedByUserId = createdBy,
        };

    public IReadOnlyList<int> Days => DaysOfWeek is null ? [] : [.. DaysOfWeek.Split(',').Select(int.Parse)];
}

/// <summary>The dates a rule gives, in China time (no daylight saving: one fixed +08:00).</summary>
public static class Recurrence
{
    /// <summary>
    /// The occurrence dates from <paramref name="first"/> (itself the first when it matches) to <paramref name="until"/>
    /// inclusive, stopping once <paramref name="limit"/> is passed so a far end date costs nothing. Weekly: every
    /// <paramref name="interval"/>-th week (weeks start on Monday) on the given ISO weekdays, by default the first
    /// date's. Monthly: every <paramref name="interval"/>-th month on the first date's day; a month without that day
    /// (the 29th–31st) takes its last day, so "every month on the 31st" is the month's end, never a skipped month.
    /// </summary>
    public static List<DateOnly> Dates(DateOnly first, RecurrenceFrequency frequency, int interval, IReadOnlyCollection<int>? daysOfWeek, DateOnly until, int limit)
    {
        var dates = new List<DateOnly>();
        if (frequency == RecurrenceFrequency.Weekly)
        {
            var days = daysOfWeek is { Count: > 0 } ? daysOfWeek.ToHashSet() : [Iso(first)];
            var weekStart = first.AddDays(1 - Iso(first));
            for (var week = weekStart; week <= until && dates.Count <= limit; week = week.AddDays(7 * interval))
            {
                for (var i = 0; i < 7; i++)
                {
                    var d = week.AddDays(i);
                    if (d >= first && d <= until && days.Contains(i + 1))
                    {
                        dates.Add(d);
                    }
                }
            }
        }
        else
        {
            for (var k = 0; dates.Count <= limit; k += interval)
            {
                var month = new DateOnly(first.Year, first.Month, 1).AddMonths(k);
                var d = new DateOnly(month.Year, month.Month, Math.Min(first.Day, DateTime.DaysInMonth(month.Year, month.Month)));
                if (d > until)
                {
                    break;
                }

                dates.Add(d);
            }
        }

        return dates;
    }

    public static int Iso(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
}
