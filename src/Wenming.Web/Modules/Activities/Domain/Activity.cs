using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Domain;

/// <summary>The five works of civilization practice and the extended convenience services (DESIGN §4).</summary>
public enum ActivityCategory
{
    StudyTheory = 1,
    PromotePolicy = 2,
    CultivateValues = 3,
    EnrichCulture = 4,
    ReformCustoms = 5,
    ConvenienceService = 6,
}

public enum ActivityStatus
{
    Draft = 1,
    Published = 2,
    Ongoing = 3,
    Finished = 4,
    Archived = 5,
    Cancelled = 6,
}

public enum ActivityAction
{
    Publish = 1,
    Start = 2,
    Finish = 3,
    Archive = 4,
    Cancel = 5,
}

/// <summary>
/// The activity life cycle as one explicit table: every (state, action) pair not listed is refused
/// with <c>activity.invalid_transition</c>. A unit test walks every pair.
/// </summary>
public static class ActivityTransitions
{
    private static readonly Dictionary<(ActivityStatus From, ActivityAction Action), ActivityStatus> Table = new()
    {
        [(ActivityStatus.Draft, ActivityAction.Publish)] = ActivityStatus.Published,
        [(ActivityStatus.Draft, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Published, ActivityAction.Start)] = ActivityStatus.Ongoing,
        [(ActivityStatus.Published, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Ongoing, ActivityAction.Finish)] = ActivityStatus.Finished,
        [(ActivityStatus.Finished, ActivityAction.Archive)] = ActivityStatus.Archived,
    };

    public static ActivityStatus? Next(ActivityStatus from, ActivityAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;
}

/// <summary>
/// A volunteer activity of an org unit (DESIGN §4). Times are UTC. The counters are changed only by
/// single conditional UPDATE statements (see EnrollHandler), never through the change tracker.
/// </summary>
[ShownOnPortal]
public sealed class Activity : IOrgScoped, ICountyScoped
{
    public const int MaxCapacity = 10_000;

    private Activity()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long? TeamId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public ActivityCategory Category { get; private set; }

    public string Place { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public int Capacity { get; private set; }

    public DateTime? SignUpStartsAt { get; private set; }

    public DateTime? SignUpEndsAt { get; private set; }

    public int WaitlistCapacity { get; private set; }

    public string? RecruitmentConditions { get; private set; }

    public ActivityStatus Status { get; private set; }

    /// <summary>Places taken; never above <see cref="Capacity"/> (conditional update).</summary>
    public int EnrolledCount { get; private set; }

    /// <summary>People waiting now; never above <see cref="WaitlistCapacity"/>.</summary>
    public int WaitlistCount { get; private set; }

    /// <summary>The last waiting-list position handed out, so positions keep their order and never repeat.</summary>
    public int WaitlistIssued { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long? CreatedByUserId { get; private set; }

    /// <summary>Kept equal to <see cref="ArchiveCompleteness.IsComplete"/> of its checklist and attachments (ActivityArchiveEditor), so lists show it without joins.</summary>
    public bool ArchiveComplete { get; private set; }

    public void SetArchiveComplete(bool complete) => ArchiveComplete = complete;

    /// <summary>The recurring rule that made this occurrence (ADR 0058); null for a one-off activity.</summary>
    public long? SeriesId { get; private set; }

    /// <summary>The venue booking the activity takes its place from (issue 17), and that venue.</summary>
    public long? VenueBookingId { get; private set; }

    public long? VenueId { get; private set; }

    public void JoinSeries(long seriesId) => SeriesId = seriesId;

    public void TakePlaceFrom(long bookingId, long venueId)
    {
        VenueBookingId = bookingId;
        VenueId = venueId;
    }

    public static Activity Create(
        long countyId, long orgUnitId, long? teamId, string title, string? description, ActivityCategory category, string place,
        DateTime startsAt, DateTime endsAt, int capacity, DateTime? signUpStartsAt, DateTime? signUpEndsAt, int? waitlistCapacity,
        string? recruitmentConditions, long? createdBy, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            TeamId = teamId,
            Title = title.Trim(),
            Description = description?.Trim(),
            Category = category,
            Place = place.Trim(),
            StartsAt = startsAt,
            EndsAt = endsAt,
            Capacity = capacity,
            SignUpStartsAt = signUpStartsAt,
            SignUpEndsAt = signUpEndsAt,
            // By default as many may wait as may take part: enough to refill every place once.
            WaitlistCapacity = waitlistCapacity ?? capacity,
            RecruitmentConditions = recruitmentConditions?.Trim(),
            Status = ActivityStatus.Draft,
            CreatedAt = nowUtc,
            CreatedByUserId = createdBy,
        };

    /// <summary>
    /// Changes what people read about the activity. A draft or a published activity may change everything
    /// but its places (see UpdateActivityHandler, which resizes them with a conditional update); once under
    /// way only the words may change (title, description, place, conditions), and a finished, archived or
    /// cancelled activity is a record and stays as it is. Returns whether the activity's start or end moved.
    /// </summary>
    public Result<bool> Edit(
        string title, string? description, ActivityCategory category, string place, DateTime startsAt, DateTime endsAt,
        DateTime? signUpStartsAt, DateTime? signUpEndsAt, string? recruitmentConditions)
    {
        if (Status is not (ActivityStatus.Draft or ActivityStatus.Published or ActivityStatus.Ongoing))
        {
            return Error.Conflict("activity.not_editable");
        }

        var moved = startsAt != StartsAt || endsAt != EndsAt;
        if (Status == ActivityStatus.Ongoing && (moved || signUpStartsAt != SignUpStartsAt || signUpEndsAt != SignUpEndsAt || category != Category))
        {
            return Error.Conflict("activity.times_locked");
        }

        Title = title.Trim();
        Description = description?.Trim();
        Category = category;
        Place = place.Trim();
        StartsAt = startsAt;
        EndsAt = endsAt;
        SignUpStartsAt = signUpStartsAt;
        SignUpEndsAt = signUpEndsAt;
        RecruitmentConditions = recruitmentConditions?.Trim();
        return moved;
    }

    public Error? Apply(ActivityAction action)
    {
        if (ActivityTransitions.Next(Status, action) is not { } next)
        {
            return Error.Conflict("activity.invalid_transition");
        }

        Status = next;
        return null;
    }

    /// <summary>Sign-up is open only while published and inside the window (by default until the start).</summary>
    public bool IsSignUpOpen(DateTime nowUtc) =>
        Status == ActivityStatus.Published
        && (SignUpStartsAt is null || nowUtc >= SignUpStartsAt)
        && nowUtc < (SignUpEndsAt ?? StartsAt);
}

public enum EnrollmentStatus
{
    Enrolled = 1,
    Waitlisted = 2,
}

/// <summary>
/// One volunteer's place (or waiting-list position) in an activity. A cancelled enrollment is
/// deleted, so the volunteer may sign up again; the unique (activity, volunteer) index refuses doubles.
/// </summary>
public sealed class Enrollment
{
    private Enrollment()
    {
    }

    public long Id { get; private set; }

    public long ActivityId { get; private set; }

    public long VolunteerId { get; private set; }

    public EnrollmentStatus Status { get; private set; }

    /// <summary>Waiting-list position (1 = next in line); null once enrolled.</summary>
    public int? Position { get; private set; }

    /// <summary>Copied from the activity so the overlap check needs no join.</summary>
    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public DateTime EnrolledAt { get; private set; }

    public long? EnrolledByUserId { get; private set; }

    // Attendance (see Attendance.cs): written only by conditional set-based updates in CheckInHandler
    // and FinishActivityHandler, so two taps or two organizers cannot both record an arrival.
    public DateTime? CheckedInAt { get; private set; }

    public CheckInMethod? CheckInMethod { get; private set; }

    public long? CheckedInByUserId { get; private set; }

    public DateTime? CheckedOutAt { get; private set; }

    public CheckInMethod? CheckOutMethod { get; private set; }

    public long? CheckedOutByUserId { get; private set; }

    /// <summary>When the activity finished while this volunteer held a place and never checked in (a no-show); else null.</summary>
    public DateTime? NoShowAt { get; private set; }

    /// <summary>The pending service record that finishing the activity created from this attendance.</summary>
    public long? ServiceRecordId { get; private set; }

    public static Enrollment Create(Activity activity, long volunteerId, EnrollmentStatus status, int? position, long? by, DateTime nowUtc) => new()
    {
        ActivityId = activity.Id,
        VolunteerId = volunteerId,
        Status = status,
        Position = position,
        StartsAt = activity.StartsAt,
        EndsAt = activity.EndsAt,
        EnrolledAt = nowUtc,
        EnrolledByUserId = by,
    };

    /// <summary>
    /// Records attendance on a new, untracked enrollment (the demo's past activity). Live check-ins go
    /// through CheckInHandler's conditional updates, which apply the same <see cref="AttendanceRules"/>.
    /// </summary>
    public void RecordAttendance(DateTime checkedInAt, DateTime? checkedOutAt, CheckInMethod method, long? byUserId)
    {
        if (checkedOutAt < checkedInAt)
        {
            throw new ArgumentOutOfRangeException(nameof(checkedOutAt), "Check-out before check-in.");
        }

        CheckedInAt = checkedInAt;
        CheckInMethod = method;
        CheckedInByUserId = byUserId;
        CheckedOutAt = checkedOutAt;
        CheckOutMethod = checkedOutAt is null ? null : method;
        CheckedOutByUserId = checkedOutAt is null ? null : byUserId;
    }
}

/// <summary>
/// One row per volunteer that every sign-up of that volunteer updates first: on PostgreSQL the
/// UPDATE holds the row lock until commit, so two sign-ups of one volunteer run one after the other
/// and the overlap check of the second sees the first (SQLite serializes all writers anyway).
/// </summary>
public sealed class VolunteerSignUpLock
{
    public long VolunteerId { get; set; }

    public long Version { get; set; }
}
