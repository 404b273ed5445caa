using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Households.Domain;

/// <summary>What a household is marked as (RULES.md: 困难家庭, 空巢老人, 留守儿童 … are sensitive). Stored as names.</summary>
public enum HouseholdTag
{
    /// <summary>空巢老人: a visit every month while the tag holds.</summary>
    EmptyNestElder = 1,

    /// <summary>留守儿童: a visit every month while the tag holds.</summary>
    LeftBehindChild = 2,

    /// <summary>困难家庭.</summary>
    Hardship = 3,

    /// <summary>低保.</summary>
    SubsistenceAllowance = 4,

    /// <summary>残疾.</summary>
    Disability = 5,
}

/// <summary>
/// A household (户, hh_households, DESIGN §9) of a village: its address, head and tags, and the party member who keeps
/// in touch with it (1+10). Its members are the people whose household number is this id (kept on the person, ADR 0046).
/// Scoped to the village, so the station and every level above see it, a sibling village does not.
/// </summary>
public sealed class Household : IOrgScoped, ICountyScoped
{
    public const int MaxAddressLength = 200;

    /// <summary>The tags that ask for a visit every month (RULES.md).</summary>
    public static readonly IReadOnlyList<HouseholdTag> MonthlyVisitTags = [HouseholdTag.EmptyNestElder, HouseholdTag.LeftBehindChild];

    private Household()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Address { get; private set; } = "";

    public long HeadPersonId { get; private set; }

    public long? ContactPersonId { get; private set; }

    /// <summary>The tags' names, comma-separated and sorted (",EmptyNestElder,Hardship," with guards, so a LIKE finds one whole name).</summary>
    public string Tags { get; private set; } = ",";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<HouseholdTag> TagList => ParseTags(Tags);

    public bool Has(HouseholdTag tag) => Tags.Contains(Guarded(tag), StringComparison.Ordinal);

    public static string Guarded(HouseholdTag tag) => "," + tag + ",";

    public static Household Create(long countyId, long orgUnitId, string address, long headPersonId, IEnumerable<HouseholdTag> tags, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Address = address.Trim(),
        HeadPersonId = headPersonId,
        Tags = JoinTags(tags),
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public void Update(string address, long headPersonId, IEnumerable<HouseholdTag> tags, DateTime now)
    {
        Address = address.Trim();
        HeadPersonId = headPersonId;
        Tags = JoinTags(tags);
        UpdatedAt = now;
        Version++;
    }

    public void AssignContact(long? personId, DateTime now)
    {
        ContactPersonId = personId;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A member joined or left: the household's version moves, so two moves at once do not both pass unseen.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string JoinTags(IEnumerable<HouseholdTag> tags)
    {
        var sorted = tags.Distinct().Order().ToList();
        return sorted.Count == 0 ? "," : "," + string.Join(',', sorted) + ",";
    }

    private static List<HouseholdTag> ParseTags(string tags) =>
        [.. tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.TryParse<HouseholdTag>(t, out var tag) ? tag : (HouseholdTag?)null).OfType<HouseholdTag>()];
}

/// <summary>The ten 十必联 events (RULES.md). Stored as names; the API sends the English name and the Chinese label.</summary>
public enum HouseholdEventKind
{
    Celebration = 1,
    Funeral = 2,
    Hardship = 3,
    Emergency = 4,
    Illness = 5,
    Dispute = 6,
    Petition = 7,
    Enlistment = 8,
    EmptyNestElder = 9,
    LeftBehindChild = 10,
}

/// <summary>Where an event stands: waiting for its first visit, or visited.</summary>
public enum HouseholdEventStatus
{
    Open = 1,
    Visited = 2,
}

/// <summary>The event's light: 蓝 waiting within its time, 绿 visited in time, 红 overdue or visited late.</summary>
public enum HouseholdEventLight
{
    Green = 1,
    Blue = 2,
    Red = 4,
}

/// <summary>RULES.md's visit times, and the China-time calendar month of the monthly kinds.</summary>
public static class VisitDue
{
    /// <summary>China Standard Time, which decides where a month begins and ends.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static bool IsMonthly(HouseholdEventKind kind) => kind is HouseholdEventKind.EmptyNestElder or HouseholdEventKind.LeftBehindChild;

    /// <summary>How long after it happened an event must have its visit (null for the monthly kinds).</summary>
    public static TimeSpan? Within(HouseholdEventKind kind) => kind switch
    {
        HouseholdEventKind.Emergency or HouseholdEventKind.Illness or HouseholdEventKind.Funeral or HouseholdEventKind.Dispute => TimeSpan.FromHours(24),
        HouseholdEventKind.Hardship or HouseholdEventKind.Petition => TimeSpan.FromHours(48),
        HouseholdEventKind.Celebration or HouseholdEventKind.Enlistment => TimeSpan.FromDays(7),
        _ => null,
    };

    /// <summary>The China-time month that holds <paramref name="utc"/>, as "yyyy-MM", with its first instant and its last (inclusive, to the microsecond both databases keep).</summary>
    public static (string Period, DateTime StartUtc, DateTime DueUtc) MonthOf(DateTime utc)
    {
        var china = utc + ChinaOffset;
        var start = new DateTime(china.Year, china.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var startUtc = start - ChinaOffset;
        var nextUtc = start.AddMonths(1) - ChinaOffset;
        return (start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), startUtc, nextUtc.AddTicks(-10));
    }

    /// <summary>The last instant a visit is still in time (inclusive).</summary>
    public static DateTime DueAt(HouseholdEventKind kind, DateTime occurredAtUtc) =>
        Within(kind) is { } span ? occurredAtUtc + span : MonthOf(occurredAtUtc).DueUtc;
}

/// <summary>
/// A 十必联 event of a household (hh_events): its kind, when it happened and the last instant its first visit is in
/// time. The monthly kinds carry their China-time month (<see cref="Period"/>), unique per household and kind, so the
/// monthly job and a person logging the month's visit never make two. Scoped like its household.
/// </summary>
public sealed class HouseholdEvent : IOrgScoped, ICountyScoped
{
    public const int MaxDescriptionLength = 500;

    private HouseholdEvent()
    {
    }

    public long Id { get; private set; }

    public long HouseholdId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public HouseholdEventKind Kind { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary>The last instant a first visit is in time (inclusive): overdue when "now" is past it and nobody has visited.</summary>
    public DateTime DueAt { get; private set; }

    /// <summary>"yyyy-MM" (China time) for the monthly kinds, else null.</summary>
    public string? Period { get; private set; }

    public string? Description { get; private set; }

    public HouseholdEventStatus Status { get; private set; }

    public DateTime? FirstVisitAt { get; private set; }

    public int VisitCount { get; private set; }

    public string? CreatedByLogin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long Version { get; private set; }

    public static HouseholdEvent Log(Household household, HouseholdEventKind kind, DateTime occurredAt, string? description, string? login, DateTime now)
    {
        var monthly = VisitDue.IsMonthly(kind);
        return new HouseholdEvent
        {
            HouseholdId = household.Id,
            CountyId = household.CountyId,
            OrgUnitId = household.OrgUnitId,
            Kind = kind,
            OccurredAt = monthly ? VisitDue.MonthOf(occurredAt).StartUtc : occurredAt,
            DueAt = VisitDue.DueAt(kind, occurredAt),
            Period = monthly ? VisitDue.MonthOf(occurredAt).Period : null,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Status = HouseholdEventStatus.Open,
            CreatedByLogin = login,
            CreatedAt = now,
            Version = 1,
        };
    }

    public bool IsOverdueAt(DateTime nowUtc) => Status == HouseholdEventStatus.Open && nowUtc > DueAt;

    public bool WasVisitedLate => FirstVisitAt is { } first && first > DueAt;

    public HouseholdEventLight LightAt(DateTime nowUtc) =>
        Status == HouseholdEventStatus.Visited ? (WasVisitedLate ? HouseholdEventLight.Red : HouseholdEventLight.Green)
        : IsOverdueAt(nowUtc) ? HouseholdEventLight.Red : HouseholdEventLight.Blue;

    /// <summary>A visit: the first one closes the event (its time decides on time or late); later ones are follow-ups.</summary>
    public void Visited(DateTime visitedAt)
    {
        if (FirstVisitAt is not { } first || visitedAt < first)
        {
            FirstVisitAt = visitedAt;
        }

        Status = HouseholdEventStatus.Visited;
        VisitCount++;
        Version++;
    }
}

/// <summary>One visit to a household for an event (hh_visits): when, by whom, what was found. Scoped like its event.</summary>
public sealed class HouseholdVisit : IOrgScoped, ICountyScoped
{
    public const int MaxNoteLength = 500;

    private HouseholdVisit()
    {
    }

    public long Id { get; private set; }

    public long EventId { get; private set; }

    public long HouseholdId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public DateTime VisitedAt { get; private set; }

    public string Note { get; private set; } = "";

    public long? ByPersonId { get; private set; }

    public string? ByLogin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static HouseholdVisit Of(HouseholdEvent e, DateTime visitedAt, string note, long? personId, string? login, DateTime now) => new()
    {
        EventId = e.Id,
        HouseholdId = e.HouseholdId,
        CountyId = e.CountyId,
        OrgUnitId = e.OrgUnitId,
        VisitedAt = visitedAt,
        Note = note.Trim(),
        ByPersonId = personId,
        ByLogin = login,
        CreatedAt = now,
    };
}

/// <summary>
/// A photo taken on a visit (hh_visit_photos): the bytes are a stored file (plat_files) of the household's village; this
/// row ties it to the visit and sits in the village, like the visit. Who may see it is who may see the event.
/// </summary>
public sealed class HouseholdVisitPhoto : IOrgScoped, ICountyScoped
{
    /// <summary>Six: a phone's row of pictures of the home and the people, few enough for the event page.</summary>
    public const int MaxPerVisit = 6;

    private HouseholdVisitPhoto()
    {
    }

    public long Id { get; private set; }

    public long VisitId { get; private set; }

    public long EventId { get; private set; }

    public long HouseholdId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static HouseholdVisitPhoto Of(HouseholdVisit visit, long fileId, DateTime now) => new()
    {
        VisitId = visit.Id,
        EventId = visit.EventId,
        HouseholdId = visit.HouseholdId,
        CountyId = visit.CountyId,
        OrgUnitId = visit.OrgUnitId,
        FileId = fileId,
        CreatedAt = now,
    };
}
