using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.UpdateActivity;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features.Series;

/// <summary>The rule: weekly (on ISO weekdays 1–7, by default the first date's) or monthly, every <c>interval</c> weeks or months, up to <c>until</c> (a date, China time).</summary>
public sealed record RecurrenceRequest(RecurrenceFrequency? Frequency, int? Interval, int[]? DaysOfWeek, DateOnly? Until);

/// <summary>The fields of <see cref="CreateActivityRequest"/> for the first occurrence, the rule, whether to publish them all at once, and a venue each occurrence books for its time (ADR 0063).</summary>
public sealed record CreateSeriesRequest(
    long? OrgUnitId, long? TeamId, string? Title, ActivityCategory? Category, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    int? Capacity, DateTimeOffset? SignUpStartsAt, DateTimeOffset? SignUpEndsAt, int? WaitlistCapacity, string? Description, string? RecruitmentConditions,
    RecurrenceRequest? Recurrence, bool Publish = false, long? VenueId = null);

/// <summary>"This and following": the occurrences on or after <c>from</c> (China date) that are still drafts or published take the given values; times of day as "HH:mm".</summary>
public sealed record SeriesFollowingRequest(DateOnly? From, string? Title, string? Place, string? StartTime, string? EndTime, int? Capacity);

public sealed record SeriesCancelRequest(DateOnly? From);

public sealed record SeriesDto(
    long Id, long OrgUnitId, string Title, RecurrenceFrequency Frequency, int Interval, IReadOnlyList<int> DaysOfWeek, DateOnly Until, string RuleLabel,
    IReadOnlyList<ActivityDto> Occurrences)
{
    public static SeriesDto From(ActivitySeries s, IEnumerable<Activity> occurrences) => new(
        s.Id, s.OrgUnitId, s.Title, s.Frequency, s.Interval, s.Days, s.Until, Label(s), [.. occurrences.Select(ActivityDto.From)]);

    /// <summary>周一 … 周日 for ISO weekday numbers 1–7 (literal keys, so the text-key check sees each one used).</summary>
    public static string DayLabel(int isoDay) => Text.Get(isoDay switch
    {
        1 => "Activities.series.day1",
        2 => "Activities.series.day2",
        3 => "Activities.series.day3",
        4 => "Activities.series.day4",
        5 => "Activities.series.day5",
        6 => "Activities.series.day6",
        _ => "Activities.series.day7",
    });

    /// <summary>每周三 / 每2周一、三 / 每月31日（无该日的月份取最后一天）, 至 2027-12-29.</summary>
    public static string Label(ActivitySeries s)
    {
        var every = s.Interval == 1 ? "" : s.Interval.ToString(CultureInfo.InvariantCulture);
        return s.Frequency == RecurrenceFrequency.Weekly
            ? Text.Get("Activities.series.rule_weekly", every, string.Join("、", s.Days.Select(DayLabel)), s.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Text.Get("Activities.series.rule_monthly", every, s.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Recurring activities (RULES.md, ADR 0058). Every occurrence is built and checked by <see cref="CreateActivityHandler"/>
/// before anything is written, then the rule and all occurrences are saved in one transaction: 52 at most, more is a
/// 400 and nothing is made. Editing or cancelling "from a date on" runs the ordinary single-activity handlers for each
/// later occurrence inside one transaction, so their rules (places not below those taken, times moved tell the people
/// signed up) hold, and one refusal leaves every occurrence as it was.
/// </summary>
public sealed class ActivitySeriesHandler(
    AppDbContext db, CreateActivityHandler create, UpdateActivityHandler update, ChangeActivityStatusHandler change, IVenueBookings venues, TimeProvider clock)
{
    public async Task<Result<SeriesDto>> CreateAsync(CreateSeriesRequest request, CancellationToken ct)
    {
        var first = Occurrence(request, 0);
        var checkedFirst = await create.BuildAsync(first, ct);
        if (!checkedFirst.IsSuccess)
        {
            return checkedFirst.Error!;
        }

        var rule = request.Recurrence;
        var fields = new FieldErrors();
        if (rule?.Frequency is null)
        {
            fields.AddRequired("recurrence.frequency", "Activities.series.field_frequency");
        }
        else if (!Enum.IsDefined(rule.Frequency.Value))
        {
            fields.Add("recurrence.frequency", "validation.field_malformed");
        }

        if (rule?.Until is null)
        {
            fields.AddRequired("recurrence.until", "Activities.series.field_until");
        }

        if (rule?.Interval is < 1 or > 12)
        {
            fields.Add("recurrence.interval", "Activities.series.interval_invalid");
        }

        if (rule?.DaysOfWeek is { } days && days.Any(d => d is < 1 or > 7))
        {
            fields.Add("recurrence.daysOfWeek", "Activities.series.days_invalid");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var firstDate = DateOnly.FromDateTime(request.StartsAt!.Value.ToOffset(Text.ChinaOffset).DateTime);
        // A weekly rule without weekdays repeats on the first date's; stored, so the series says which day it is.
        List<int>? daysOfWeek = rule!.Frequency != RecurrenceFrequency.Weekly ? null
            : rule.DaysOfWeek is { Length: > 0 } chosen ? [.. chosen.Distinct()] : [Recurrence.Iso(firstDate)];
        var dates = Recurrence.Dates(firstDate, rule.Frequency!.Value, rule.Interval ?? 1, daysOfWeek, rule.Until!.Value, ActivitySeries.MaxOccurrences);
        if (rule.Until < firstDate || dates.Count == 0)
        {
            return OneField("recurrence.until", "Activities.series.empty");
        }

        if (dates.Count > ActivitySeries.MaxOccurrences)
        {
            return OneField("recurrence.until", "Activities.series.too_many", ActivitySeries.MaxOccurrences);
        }

        var activities = new List<Activity>(dates.Count);
        foreach (var date in dates)
        {
            var built = await create.BuildAsync(Occurrence(request, date.DayNumber - firstDate.DayNumber), ct);
            if (!built.IsSuccess)
            {
                return built.Error!;
            }

            activities.Add(built.Value);
        }

        var head = activities[0];
        var series = ActivitySeries.Create(
            head.CountyId, head.OrgUnitId, head.Title, rule.Frequency.Value, rule.Interval ?? 1, daysOfWeek, rule.Until.Value, head.CreatedByUserId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.VenueId is { } venueId)
        {
            // The venue first, on its lock row (ADR 0048): a taken date refuses the whole series and the rollback leaves nothing.
            var booked = await venues.BookAllAsync(venueId, head.OrgUnitId, head.Title, [.. activities.Select(a => new VenueSpan(a.StartsAt, a.EndsAt))], ct);
            if (!booked.IsSuccess)
            {
                return booked.Error!;
            }

            for (var i = 0; i < activities.Count; i++)
            {
                activities[i].TakePlaceFrom(booked.Value[i], venueId);
            }
        }

        db.Add(series);
        await db.SaveChangesAsync(ct);
        foreach (var activity in activities)
        {
            activity.JoinSeries(series.Id);
            if (request.Publish)
            {
                activity.Apply(ActivityAction.Publish);
            }
        }

        db.AddRange(activities);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SeriesDto.From(series, activities);
    }

    public async Task<Result<SeriesDto>> GetAsync(long id, CancellationToken ct)
    {
        // The scope filter (org and county) hides another unit's series: 404, as for its activities.
        if (await db.Set<ActivitySeries>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } series)
        {
            return NotFound();
        }

        var occurrences = await db.Set<Activity>().AsNoTracking().Where(a => a.SeriesId == id).OrderBy(a => a.StartsAt).ToListAsync(ct);
        return SeriesDto.From(series, occurrences);
    }

    public async Task<Result<SeriesDto>> EditFollowingAsync(long id, SeriesFollowingRequest request, CancellationToken ct)
    {
        var fields = new FieldErrors();
        if (request.From is null)
        {
            fields.AddRequired("from", "Activities.series.field_from");
        }

        var startTime = ParseTime(request.StartTime, "startTime", fields);
        var endTime = ParseTime(request.EndTime, "endTime", fields);
        if ((startTime is null) != (endTime is null))
        {
            fields.Add(startTime is null ? "startTime" : "endTime", "Activities.series.times_together");
        }
        else if (startTime is not null && endTime <= startTime)
        {
            fields.Add("endTime", "activity.ends_before_start");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var later = await LaterAsync(id, request.From!.Value, ct);
        if (!later.IsSuccess)
        {
            return later.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moves = new Dictionary<long, VenueSpan>();
        foreach (var a in later.Value)
        {
            var (startsAt, endsAt) = (Text.ToChinaTime(a.StartsAt), Text.ToChinaTime(a.EndsAt));
            if (startTime is { } st && endTime is { } et)
            {
                var day = DateOnly.FromDateTime(startsAt.DateTime);
                (startsAt, endsAt) = (new DateTimeOffset(day.ToDateTime(st), Text.ChinaOffset), new DateTimeOffset(day.ToDateTime(et), Text.ChinaOffset));
            }

            // The sign-up window keeps its distance to the start, so a later start does not leave it behind.
            var shift = startsAt.UtcDateTime - a.StartsAt;
            var result = await update.HandleAsync(a.Id, new UpdateActivityRequest(
                string.IsNullOrWhiteSpace(request.Title) ? a.Title : request.Title, a.Category, string.IsNullOrWhiteSpace(request.Place) ? a.Place : request.Place,
                startsAt, endsAt, request.Capacity ?? a.Capacity, Shift(a.SignUpStartsAt, shift), Shift(a.SignUpEndsAt, shift), a.WaitlistCapacity,
                a.Description, a.RecruitmentConditions), ct);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            if (a.VenueBookingId is { } booking && startTime is not null)
            {
                moves[booking] = new VenueSpan(startsAt.UtcDateTime, endsAt.UtcDateTime);
            }
        }

        // The occurrences' bookings move with them, or the whole edit is refused (ADR 0063).
        if (await venues.MoveAllAsync(moves, ct) is { } refused)
        {
            return refused;
        }

        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<Result<SeriesDto>> CancelFollowingAsync(long id, SeriesCancelRequest request, CancellationToken ct)
    {
        if (request.From is null)
        {
            return FieldErrors.Required("from", "Activities.series.field_from");
        }

        var later = await LaterAsync(id, request.From.Value, ct);
        if (!later.IsSuccess)
        {
            return later.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var a in later.Value)
        {
            var result = await change.HandleAsync(a.Id, ActivityAction.Cancel, ct);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }
        }

        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The series' drafts and published occurrences starting on or after the day (China time); held, finished and cancelled ones stay as they are.</summary>
    private async Task<Result<List<Activity>>> LaterAsync(long id, DateOnly from, CancellationToken ct)
    {
        if (!await db.Set<ActivitySeries>().AnyAsync(s => s.Id == id, ct))
        {
            return NotFound();
        }

        var fromUtc = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Text.ChinaOffset).UtcDateTime;
        return await db.Set<Activity>().AsNoTracking()
            .Where(a => a.SeriesId == id && a.StartsAt >= fromUtc && (a.Status == ActivityStatus.Draft || a.Status == ActivityStatus.Published))
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
    }

    private static CreateActivityRequest Occurrence(CreateSeriesRequest r, int days) => new(
        r.OrgUnitId, r.TeamId, r.Title, r.Category, r.Place, r.StartsAt?.AddDays(days), r.EndsAt?.AddDays(days), r.Capacity,
        r.SignUpStartsAt?.AddDays(days), r.SignUpEndsAt?.AddDays(days), r.WaitlistCapacity, r.Description, r.RecruitmentConditions);

    private static DateTimeOffset? Shift(DateTime? utc, TimeSpan by) => utc is { } u ? Text.ToChinaTime(u + by) : null;

    private static TimeOnly? ParseTime(string? value, string field, FieldErrors fields)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fields.Add(field, "Activities.series.time_invalid");
        return null;
    }

    /// <summary>A 400 validation.failed naming one field, like every other field message of the API.</summary>
    private static Error OneField(string field, string key, params object[] args)
    {
        var fields = new FieldErrors();
        fields.Add(field, key, args);
        return fields.ToError()!;
    }

    private static Error NotFound() => Error.Keyed("series.not_found", ErrorKind.NotFound, "Activities.series.not_found");
}
